using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Curriculum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "legal_acts",
                schema: "curriculum",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    citation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: false),
                    last_amended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_acts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "versions",
                schema: "curriculum",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    based_on_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_versions_programmes_programme_id",
                        column: x => x.programme_id,
                        principalSchema: "curriculum",
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_versions_versions_based_on_version_id",
                        column: x => x.based_on_version_id,
                        principalSchema: "curriculum",
                        principalTable: "versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "legal_act_amendments",
                schema: "curriculum",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_act_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amending_citation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    amended_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    flagged_sections = table.Column<int>(type: "integer", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_act_amendments", x => x.id);
                    table.ForeignKey(
                        name: "fk_legal_act_amendments_legal_act_legal_act_id",
                        column: x => x.legal_act_id,
                        principalSchema: "curriculum",
                        principalTable: "legal_acts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accessibility_waivers",
                schema: "curriculum",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    finding_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    waived_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    waived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accessibility_waivers", x => x.id);
                    table.ForeignKey(
                        name: "fk_accessibility_waivers_programme_version_version_id",
                        column: x => x.version_id,
                        principalSchema: "curriculum",
                        principalTable: "versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sections",
                schema: "curriculum",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    anchor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    markdown = table.Column<string>(type: "text", nullable: false),
                    html = table.Column<string>(type: "text", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    knowledge = table.Column<List<string>>(type: "text[]", nullable: false),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    social_competences = table.Column<List<string>>(type: "text[]", nullable: false),
                    delivery_forms = table.Column<List<string>>(type: "text[]", nullable: false),
                    target_roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    authors = table.Column<List<string>>(type: "text[]", nullable: false),
                    review_needed = table.Column<bool>(type: "boolean", nullable: false),
                    review_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_sections_programme_version_version_id",
                        column: x => x.version_id,
                        principalSchema: "curriculum",
                        principalTable: "versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sections_sections_parent_id",
                        column: x => x.parent_id,
                        principalSchema: "curriculum",
                        principalTable: "sections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "version_transitions",
                schema: "curriculum",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    to = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_version_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_version_transitions_versions_version_id",
                        column: x => x.version_id,
                        principalSchema: "curriculum",
                        principalTable: "versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "section_citations",
                schema: "curriculum",
                columns: table => new
                {
                    section_id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_act_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_section_citations", x => new { x.section_id, x.legal_act_id });
                    table.ForeignKey(
                        name: "fk_section_citations_legal_acts_legal_act_id",
                        column: x => x.legal_act_id,
                        principalSchema: "curriculum",
                        principalTable: "legal_acts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_section_citations_section_section_id",
                        column: x => x.section_id,
                        principalSchema: "curriculum",
                        principalTable: "sections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_accessibility_waivers_version_id_finding_id",
                schema: "curriculum",
                table: "accessibility_waivers",
                columns: new[] { "version_id", "finding_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_legal_act_amendments_legal_act_id_recorded_at",
                schema: "curriculum",
                table: "legal_act_amendments",
                columns: new[] { "legal_act_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_legal_acts_citation",
                schema: "curriculum",
                table: "legal_acts",
                column: "citation",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_legal_acts_created_at_id",
                schema: "curriculum",
                table: "legal_acts",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_section_citations_legal_act_id",
                schema: "curriculum",
                table: "section_citations",
                column: "legal_act_id");

            migrationBuilder.CreateIndex(
                name: "ix_sections_parent_id",
                schema: "curriculum",
                table: "sections",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_sections_review_needed",
                schema: "curriculum",
                table: "sections",
                column: "review_needed",
                filter: "review_needed");

            migrationBuilder.CreateIndex(
                name: "ix_sections_version_id_anchor",
                schema: "curriculum",
                table: "sections",
                columns: new[] { "version_id", "anchor" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sections_version_id_parent_id_position",
                schema: "curriculum",
                table: "sections",
                columns: new[] { "version_id", "parent_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_version_transitions_version_id_at",
                schema: "curriculum",
                table: "version_transitions",
                columns: new[] { "version_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_versions_based_on_version_id",
                schema: "curriculum",
                table: "versions",
                column: "based_on_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_versions_programme_id_created_at_id",
                schema: "curriculum",
                table: "versions",
                columns: new[] { "programme_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_versions_programme_id_label",
                schema: "curriculum",
                table: "versions",
                columns: new[] { "programme_id", "label" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accessibility_waivers",
                schema: "curriculum");

            migrationBuilder.DropTable(
                name: "legal_act_amendments",
                schema: "curriculum");

            migrationBuilder.DropTable(
                name: "section_citations",
                schema: "curriculum");

            migrationBuilder.DropTable(
                name: "version_transitions",
                schema: "curriculum");

            migrationBuilder.DropTable(
                name: "legal_acts",
                schema: "curriculum");

            migrationBuilder.DropTable(
                name: "sections",
                schema: "curriculum");

            migrationBuilder.DropTable(
                name: "versions",
                schema: "curriculum");
        }
    }
}
