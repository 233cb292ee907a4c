using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PilotEnrollment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "enrollment");

            migrationBuilder.CreateTable(
                name: "jst",
                schema: "enrollment",
                columns: table => new
                {
                    teryt = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    voivodeship_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    powiat_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    same_jst_as = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    search_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jst", x => x.teryt);
                });

            migrationBuilder.CreateTable(
                name: "recruitments",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    max_participants_per_jst = table.Column<int>(type: "integer", nullable: false),
                    eligible_kinds = table.Column<List<string>>(type: "text[]", nullable: false),
                    selection_mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    rodo_clause_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    accepted_count = table.Column<int>(type: "integer", nullable: false),
                    waitlisted_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recruitments", x => x.id);
                    table.CheckConstraint("ck_recruitments_quota", "accepted_count >= 0 AND accepted_count <= capacity AND waitlisted_count >= 0");
                    table.CheckConstraint("ck_recruitments_window", "closes_at > opens_at");
                });

            migrationBuilder.CreateTable(
                name: "applications",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recruitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jst_teryt = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    waitlist_position = table.Column<int>(type: "integer", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rodo_clause_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    rodo_acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    schools_run = table.Column<int>(type: "integer", nullable: false),
                    has_digital_strategy = table.Column<bool>(type: "boolean", nullable: false),
                    motivation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_applications_recruitment_recruitment_id",
                        column: x => x.recruitment_id,
                        principalSchema: "enrollment",
                        principalTable: "recruitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "participants",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participants", x => x.id);
                    table.ForeignKey(
                        name: "fk_participants_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "enrollment",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_applications_recruitment_id_submitted_at_id",
                schema: "enrollment",
                table: "applications",
                columns: new[] { "recruitment_id", "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_waitlist",
                schema: "enrollment",
                table: "applications",
                columns: new[] { "recruitment_id", "waitlist_position" },
                filter: "status = 'Waitlisted'");

            migrationBuilder.CreateIndex(
                name: "ux_applications_one_active_per_jst",
                schema: "enrollment",
                table: "applications",
                columns: new[] { "recruitment_id", "jst_teryt" },
                unique: true,
                filter: "status NOT IN ('Withdrawn', 'Rejected')");

            migrationBuilder.CreateIndex(
                name: "ix_jst_search_name",
                schema: "enrollment",
                table: "jst",
                column: "search_name")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_jst_voivodeship_code_kind",
                schema: "enrollment",
                table: "jst",
                columns: new[] { "voivodeship_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_participants_application_id",
                schema: "enrollment",
                table: "participants",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_recruitments_created_at_id",
                schema: "enrollment",
                table: "recruitments",
                columns: new[] { "created_at", "id" });

            // The register of all JST (GUS TERC, 2024-01-01), from the CSV embedded in the build.
            migrationBuilder.Sql(TrainingApi.Features.PilotEnrollment.Register.JstRegister.InsertSql());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jst",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "participants",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "applications",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "recruitments",
                schema: "enrollment");
        }
    }
}
