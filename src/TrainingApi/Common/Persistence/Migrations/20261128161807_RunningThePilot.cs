using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RunningThePilot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cohorts",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recruitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohorts", x => x.id);
                    table.ForeignKey(
                        name: "fk_cohorts_recruitment_recruitment_id",
                        column: x => x.recruitment_id,
                        principalSchema: "enrollment",
                        principalTable: "recruitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cohort_applications",
                schema: "enrollment",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_applications", x => new { x.cohort_id, x.application_id });
                    table.ForeignKey(
                        name: "fk_cohort_applications_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "enrollment",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cohort_applications_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalSchema: "enrollment",
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "module_evaluations",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    module_anchor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    pre_score = table.Column<int>(type: "integer", nullable: true),
                    post_score = table.Column<int>(type: "integer", nullable: true),
                    satisfaction = table.Column<int>(type: "integer", nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_module_evaluations", x => x.id);
                    table.CheckConstraint("ck_module_evaluations_satisfaction", "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_module_evaluations_scores", "(pre_score IS NULL OR pre_score BETWEEN 0 AND 100) AND (post_score IS NULL OR post_score BETWEEN 0 AND 100)");
                    table.ForeignKey(
                        name: "fk_module_evaluations_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalSchema: "enrollment",
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training_sessions",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    module_anchor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    trainer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_sessions_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalSchema: "enrollment",
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attendance",
                schema: "enrollment",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendance", x => new { x.session_id, x.participant_id });
                    table.ForeignKey(
                        name: "fk_attendance_participants_participant_id",
                        column: x => x.participant_id,
                        principalSchema: "enrollment",
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attendance_training_sessions_session_id",
                        column: x => x.session_id,
                        principalSchema: "enrollment",
                        principalTable: "training_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attendance_participant_id",
                schema: "enrollment",
                table: "attendance",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_applications_application_id",
                schema: "enrollment",
                table: "cohort_applications",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cohorts_recruitment_id_name",
                schema: "enrollment",
                table: "cohorts",
                columns: new[] { "recruitment_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_module_evaluations_cohort_id_module_anchor",
                schema: "enrollment",
                table: "module_evaluations",
                columns: new[] { "cohort_id", "module_anchor" });

            migrationBuilder.CreateIndex(
                name: "ix_training_sessions_cohort_id_starts_at",
                schema: "enrollment",
                table: "training_sessions",
                columns: new[] { "cohort_id", "starts_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendance",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "cohort_applications",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "module_evaluations",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "training_sessions",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "cohorts",
                schema: "enrollment");
        }
    }
}
