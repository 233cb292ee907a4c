using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Advisory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "advisory");

            migrationBuilder.CreateTable(
                name: "advisors",
                schema: "advisory",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    specialisations = table.Column<List<string>>(type: "text[]", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advisors", x => x.id);
                    table.CheckConstraint("ck_advisors_capacity", "capacity BETWEEN 1 AND 50");
                });

            migrationBuilder.CreateTable(
                name: "engagements",
                schema: "advisory",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recruitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jst_teryt = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    jst_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    advisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    hours_budget = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    extra_hours_approved = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    hours_used = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    guidelines_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stage_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagements", x => x.id);
                    table.CheckConstraint("ck_engagements_hours", "hours_used <= hours_budget + extra_hours_approved");
                    table.ForeignKey(
                        name: "fk_engagements_advisors_advisor_id",
                        column: x => x.advisor_id,
                        principalSchema: "advisory",
                        principalTable: "advisors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "diagnoses",
                schema: "advisory",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    framework_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    conducted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    respondents_json = table.Column<string>(type: "jsonb", nullable: false),
                    scores_json = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diagnoses", x => x.id);
                    table.ForeignKey(
                        name: "fk_diagnoses_engagement_engagement_id",
                        column: x => x.engagement_id,
                        principalSchema: "advisory",
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "extra_hours_approvals",
                schema: "advisory",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    approved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_extra_hours_approvals", x => x.id);
                    table.ForeignKey(
                        name: "fk_extra_hours_approvals_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalSchema: "advisory",
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_goals",
                schema: "advisory",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    guideline_anchors = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_goals", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_goals_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalSchema: "advisory",
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                schema: "advisory",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attendees = table.Column<List<string>>(type: "text[]", nullable: false),
                    topics = table.Column<List<string>>(type: "text[]", nullable: false),
                    notes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    follow_ups = table.Column<List<string>>(type: "text[]", nullable: false),
                    logged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    logged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_sessions_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalSchema: "advisory",
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_actions",
                schema: "advisory",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    goal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owned_by_coordinator = table.Column<bool>(type: "boolean", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_actions_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalSchema: "advisory",
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_actions_plan_goal_goal_id",
                        column: x => x.goal_id,
                        principalSchema: "advisory",
                        principalTable: "plan_goals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_advisors_created_at_id",
                schema: "advisory",
                table: "advisors",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_advisors_subject",
                schema: "advisory",
                table: "advisors",
                column: "subject",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_diagnoses_engagement_id_recorded_at",
                schema: "advisory",
                table: "diagnoses",
                columns: new[] { "engagement_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_engagements_advisor_id",
                schema: "advisory",
                table: "engagements",
                column: "advisor_id");

            migrationBuilder.CreateIndex(
                name: "ix_engagements_created_at_id",
                schema: "advisory",
                table: "engagements",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_engagements_recruitment_id_jst_teryt",
                schema: "advisory",
                table: "engagements",
                columns: new[] { "recruitment_id", "jst_teryt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_extra_hours_approvals_engagement_id",
                schema: "advisory",
                table: "extra_hours_approvals",
                column: "engagement_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_deadline_status",
                schema: "advisory",
                table: "plan_actions",
                columns: new[] { "deadline", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_engagement_id_deadline",
                schema: "advisory",
                table: "plan_actions",
                columns: new[] { "engagement_id", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_goal_id",
                schema: "advisory",
                table: "plan_actions",
                column: "goal_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_goals_engagement_id_created_at",
                schema: "advisory",
                table: "plan_goals",
                columns: new[] { "engagement_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_engagement_id_held_on",
                schema: "advisory",
                table: "sessions",
                columns: new[] { "engagement_id", "held_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "diagnoses",
                schema: "advisory");

            migrationBuilder.DropTable(
                name: "extra_hours_approvals",
                schema: "advisory");

            migrationBuilder.DropTable(
                name: "plan_actions",
                schema: "advisory");

            migrationBuilder.DropTable(
                name: "sessions",
                schema: "advisory");

            migrationBuilder.DropTable(
                name: "plan_goals",
                schema: "advisory");

            migrationBuilder.DropTable(
                name: "engagements",
                schema: "advisory");

            migrationBuilder.DropTable(
                name: "advisors",
                schema: "advisory");
        }
    }
}
