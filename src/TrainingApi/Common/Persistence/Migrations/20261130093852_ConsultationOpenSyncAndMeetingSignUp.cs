using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ConsultationOpenSyncAndMeetingSignUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                schema: "consultations",
                table: "submissions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "minutes_published_at",
                schema: "consultations",
                table: "meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "registration_capacity",
                schema: "consultations",
                table: "meetings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                schema: "consultations",
                table: "comments",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Rows from before: their last change is the latest of arrival, disposition and taken-in.
            migrationBuilder.Sql(
                "UPDATE consultations.comments SET updated_at = GREATEST(submitted_at, COALESCE(disposed_at, submitted_at), COALESCE(taken_in_at, submitted_at));");
            migrationBuilder.Sql(
                "UPDATE consultations.submissions s SET updated_at = GREATEST(s.submitted_at, " +
                "COALESCE((SELECT MAX(c.updated_at) FROM consultations.comments c WHERE c.submission_id = s.id), s.submitted_at));");

            migrationBuilder.CreateTable(
                name: "meeting_registrations",
                schema: "consultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_registrations_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalSchema: "consultations",
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_meeting_registrations_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalSchema: "consultations",
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_representatives",
                schema: "consultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_representatives", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_representatives_meeting_registrations_registration_",
                        column: x => x.registration_id,
                        principalSchema: "consultations",
                        principalTable: "meeting_registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_representatives_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalSchema: "consultations",
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_submissions_round_id_updated_at_id",
                schema: "consultations",
                table: "submissions",
                columns: new[] { "round_id", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_comments_round_id_updated_at_id",
                schema: "consultations",
                table: "comments",
                columns: new[] { "round_id", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_registrations_meeting_id_registered_at_id",
                schema: "consultations",
                table: "meeting_registrations",
                columns: new[] { "meeting_id", "registered_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_registrations_organisation_id",
                schema: "consultations",
                table: "meeting_registrations",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_representatives_registration_id",
                schema: "consultations",
                table: "meeting_representatives",
                column: "registration_id");

            migrationBuilder.CreateIndex(
                name: "ux_meeting_representatives_email",
                schema: "consultations",
                table: "meeting_representatives",
                columns: new[] { "meeting_id", "email" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_representatives",
                schema: "consultations");

            migrationBuilder.DropTable(
                name: "meeting_registrations",
                schema: "consultations");

            migrationBuilder.DropIndex(
                name: "ix_submissions_round_id_updated_at_id",
                schema: "consultations",
                table: "submissions");

            migrationBuilder.DropIndex(
                name: "ix_comments_round_id_updated_at_id",
                schema: "consultations",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "updated_at",
                schema: "consultations",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "minutes_published_at",
                schema: "consultations",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "registration_capacity",
                schema: "consultations",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "updated_at",
                schema: "consultations",
                table: "comments");
        }
    }
}
