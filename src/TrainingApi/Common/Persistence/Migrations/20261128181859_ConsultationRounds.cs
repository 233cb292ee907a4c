using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ConsultationRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rounds",
                schema: "consultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_label = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    report_published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    report_published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rounds", x => x.id);
                    table.CheckConstraint("ck_rounds_window", "closes_at > opens_at");
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                schema: "consultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    online_link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    organiser = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    organisations_present = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    attendee_count = table.Column<int>(type: "integer", nullable: true),
                    minutes = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_meetings_consultation_round_round_id",
                        column: x => x.round_id,
                        principalSchema: "consultations",
                        principalTable: "rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "submissions",
                schema: "consultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    external_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    comment_count = table.Column<int>(type: "integer", nullable: false),
                    duplicate_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_submissions_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalSchema: "consultations",
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_submissions_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalSchema: "consultations",
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_submissions_rounds_round_id",
                        column: x => x.round_id,
                        principalSchema: "consultations",
                        principalTable: "rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "comments",
                schema: "consultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    anchor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    quote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    proposed_change = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    justification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    member_jst_teryt = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    member_jst_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    fingerprint = table.Column<byte[]>(type: "bytea", nullable: false),
                    duplicate_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    disposition = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    response = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    disposed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    disposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    taken_into_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    taken_into_version_label = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    taken_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_comments_comments_duplicate_of_id",
                        column: x => x.duplicate_of_id,
                        principalSchema: "consultations",
                        principalTable: "comments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_comments_rounds_round_id",
                        column: x => x.round_id,
                        principalSchema: "consultations",
                        principalTable: "rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_comments_submission_submission_id",
                        column: x => x.submission_id,
                        principalSchema: "consultations",
                        principalTable: "submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_comments_duplicate_of_id",
                schema: "consultations",
                table: "comments",
                column: "duplicate_of_id");

            migrationBuilder.CreateIndex(
                name: "ix_comments_fingerprint",
                schema: "consultations",
                table: "comments",
                column: "fingerprint");

            migrationBuilder.CreateIndex(
                name: "ix_comments_round_id_submitted_at_id",
                schema: "consultations",
                table: "comments",
                columns: new[] { "round_id", "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_comments_submission_id_position",
                schema: "consultations",
                table: "comments",
                columns: new[] { "submission_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meetings_round_id_starts_at",
                schema: "consultations",
                table: "meetings",
                columns: new[] { "round_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_rounds_created_at_id",
                schema: "consultations",
                table: "rounds",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_rounds_version_id",
                schema: "consultations",
                table: "rounds",
                column: "version_id");

            migrationBuilder.CreateIndex(
                name: "ix_submissions_meeting_id",
                schema: "consultations",
                table: "submissions",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_submissions_organisation_id_external_reference",
                schema: "consultations",
                table: "submissions",
                columns: new[] { "organisation_id", "external_reference" },
                unique: true,
                filter: "external_reference IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_submissions_round_id_submitted_at_id",
                schema: "consultations",
                table: "submissions",
                columns: new[] { "round_id", "submitted_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "comments",
                schema: "consultations");

            migrationBuilder.DropTable(
                name: "submissions",
                schema: "consultations");

            migrationBuilder.DropTable(
                name: "meetings",
                schema: "consultations");

            migrationBuilder.DropTable(
                name: "rounds",
                schema: "consultations");
        }
    }
}
