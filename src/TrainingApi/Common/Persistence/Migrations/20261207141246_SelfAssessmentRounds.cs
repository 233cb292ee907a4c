using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SelfAssessmentRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "self_assessment");

            migrationBuilder.AddColumn<List<string>>(
                name: "maturity_areas",
                schema: "curriculum",
                table: "sections",
                type: "text[]",
                nullable: false,
                // Sections written before tagging existed help with no area until the team tags them.
                defaultValueSql: "'{}'");

            migrationBuilder.CreateTable(
                name: "current_scores",
                schema: "self_assessment",
                columns: table => new
                {
                    teryt = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    score = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    jst_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    voivodeship_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    framework_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_current_scores", x => new { x.teryt, x.area });
                });

            migrationBuilder.CreateTable(
                name: "rounds",
                schema: "self_assessment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    teryt = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    jst_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    jst_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    voivodeship_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    framework_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    started_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    results_json = table.Column<string>(type: "jsonb", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rounds1", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                schema: "self_assessment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    token_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_invitations_assessment_round_round_id",
                        column: x => x.round_id,
                        principalSchema: "self_assessment",
                        principalTable: "rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "submissions",
                schema: "self_assessment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    answers_json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submissions1", x => x.id);
                    table.ForeignKey(
                        name: "fk_submissions_assessment_round_round_id",
                        column: x => x.round_id,
                        principalSchema: "self_assessment",
                        principalTable: "rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "answer_drafts",
                schema: "self_assessment",
                columns: table => new
                {
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    answers_json = table.Column<string>(type: "jsonb", nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_answer_drafts", x => x.invitation_id);
                    table.ForeignKey(
                        name: "fk_answer_drafts_invitations_invitation_id",
                        column: x => x.invitation_id,
                        principalSchema: "self_assessment",
                        principalTable: "invitations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_current_scores_framework_version_jst_kind_area",
                schema: "self_assessment",
                table: "current_scores",
                columns: new[] { "framework_version", "jst_kind", "area" })
                .Annotation("Npgsql:IndexInclude", new[] { "score" });

            migrationBuilder.CreateIndex(
                name: "ix_invitations_round_id_created_at_id",
                schema: "self_assessment",
                table: "invitations",
                columns: new[] { "round_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_invitations_token_hash",
                schema: "self_assessment",
                table: "invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rounds_deadline",
                schema: "self_assessment",
                table: "rounds",
                column: "deadline",
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_rounds_started_at_id",
                schema: "self_assessment",
                table: "rounds",
                columns: new[] { "started_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_rounds_teryt",
                schema: "self_assessment",
                table: "rounds",
                column: "teryt",
                unique: true,
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_rounds_teryt_started_at_id",
                schema: "self_assessment",
                table: "rounds",
                columns: new[] { "teryt", "started_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_submissions_round_id",
                schema: "self_assessment",
                table: "submissions",
                column: "round_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "answer_drafts",
                schema: "self_assessment");

            migrationBuilder.DropTable(
                name: "current_scores",
                schema: "self_assessment");

            migrationBuilder.DropTable(
                name: "submissions",
                schema: "self_assessment");

            migrationBuilder.DropTable(
                name: "invitations",
                schema: "self_assessment");

            migrationBuilder.DropTable(
                name: "rounds",
                schema: "self_assessment");

            migrationBuilder.DropColumn(
                name: "maturity_areas",
                schema: "curriculum",
                table: "sections");
        }
    }
}
