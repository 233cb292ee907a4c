using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PilotOperationsOffersAttendanceCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "link",
                schema: "enrollment",
                table: "training_sessions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "place",
                schema: "enrollment",
                table: "training_sessions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "offer_validity_hours",
                schema: "enrollment",
                table: "recruitments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state",
                schema: "enrollment",
                table: "attendance",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Present");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "offer_expires_at",
                schema: "enrollment",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "certificates",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    programme_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_certificates_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "enrollment",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_certificates_cohort_cohort_id",
                        column: x => x.cohort_id,
                        principalSchema: "enrollment",
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_certificates_participants_participant_id",
                        column: x => x.participant_id,
                        principalSchema: "enrollment",
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recruitment_changes",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recruitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    before = table.Column<string>(type: "jsonb", nullable: false),
                    after = table.Column<string>(type: "jsonb", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recruitment_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_recruitment_changes_recruitment_recruitment_id",
                        column: x => x.recruitment_id,
                        principalSchema: "enrollment",
                        principalTable: "recruitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_recruitments_offer_validity",
                schema: "enrollment",
                table: "recruitments",
                sql: "offer_validity_hours IS NULL OR offer_validity_hours BETWEEN 1 AND 720");

            migrationBuilder.CreateIndex(
                name: "ix_applications_open_offers",
                schema: "enrollment",
                table: "applications",
                column: "offer_expires_at",
                filter: "status = 'Offered'");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_application_id",
                schema: "enrollment",
                table: "certificates",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_code",
                schema: "enrollment",
                table: "certificates",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_cohort_id",
                schema: "enrollment",
                table: "certificates",
                column: "cohort_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_participant_id",
                schema: "enrollment",
                table: "certificates",
                column: "participant_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recruitment_changes_recruitment_id_changed_at",
                schema: "enrollment",
                table: "recruitment_changes",
                columns: new[] { "recruitment_id", "changed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificates",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "recruitment_changes",
                schema: "enrollment");

            migrationBuilder.DropCheckConstraint(
                name: "ck_recruitments_offer_validity",
                schema: "enrollment",
                table: "recruitments");

            migrationBuilder.DropIndex(
                name: "ix_applications_open_offers",
                schema: "enrollment",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "link",
                schema: "enrollment",
                table: "training_sessions");

            migrationBuilder.DropColumn(
                name: "place",
                schema: "enrollment",
                table: "training_sessions");

            migrationBuilder.DropColumn(
                name: "offer_validity_hours",
                schema: "enrollment",
                table: "recruitments");

            migrationBuilder.DropColumn(
                name: "state",
                schema: "enrollment",
                table: "attendance");

            migrationBuilder.DropColumn(
                name: "offer_expires_at",
                schema: "enrollment",
                table: "applications");
        }
    }
}
