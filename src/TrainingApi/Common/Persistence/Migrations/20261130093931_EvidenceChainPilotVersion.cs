using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceChainPilotVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "evidence_recruitment_id",
                schema: "curriculum",
                table: "versions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "evidence_version_id",
                schema: "curriculum",
                table: "versions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "update_reason",
                schema: "curriculum",
                table: "versions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "programme_version_id",
                schema: "enrollment",
                table: "recruitments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "accepted_at",
                schema: "enrollment",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "completed_at",
                schema: "enrollment",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "confirmed_at",
                schema: "enrollment",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_versions_evidence_version_id",
                schema: "curriculum",
                table: "versions",
                column: "evidence_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_recruitments_programme_version_id",
                schema: "enrollment",
                table: "recruitments",
                column: "programme_version_id");

            migrationBuilder.AddForeignKey(
                name: "fk_versions_versions_evidence_version_id",
                schema: "curriculum",
                table: "versions",
                column: "evidence_version_id",
                principalSchema: "curriculum",
                principalTable: "versions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Applications decided before these columns existed: the last decision time is the best record of each step
            // (the indicator report's counts as of a date are exact only for what happened after this migration).
            migrationBuilder.Sql("""
                UPDATE enrollment.applications SET
                    accepted_at = CASE WHEN status IN ('Accepted', 'Confirmed', 'Completed') THEN decided_at END,
                    confirmed_at = CASE WHEN status IN ('Confirmed', 'Completed') THEN decided_at END,
                    completed_at = CASE WHEN status = 'Completed' THEN decided_at END
                WHERE decided_at IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_versions_versions_evidence_version_id",
                schema: "curriculum",
                table: "versions");

            migrationBuilder.DropIndex(
                name: "ix_versions_evidence_version_id",
                schema: "curriculum",
                table: "versions");

            migrationBuilder.DropIndex(
                name: "ix_recruitments_programme_version_id",
                schema: "enrollment",
                table: "recruitments");

            migrationBuilder.DropColumn(
                name: "evidence_recruitment_id",
                schema: "curriculum",
                table: "versions");

            migrationBuilder.DropColumn(
                name: "evidence_version_id",
                schema: "curriculum",
                table: "versions");

            migrationBuilder.DropColumn(
                name: "update_reason",
                schema: "curriculum",
                table: "versions");

            migrationBuilder.DropColumn(
                name: "programme_version_id",
                schema: "enrollment",
                table: "recruitments");

            migrationBuilder.DropColumn(
                name: "accepted_at",
                schema: "enrollment",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "completed_at",
                schema: "enrollment",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "confirmed_at",
                schema: "enrollment",
                table: "applications");
        }
    }
}
