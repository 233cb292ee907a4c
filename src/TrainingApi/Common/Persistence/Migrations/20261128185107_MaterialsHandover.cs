using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MaterialsHandover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "handover");

            migrationBuilder.CreateTable(
                name: "releases",
                schema: "handover",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_label = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    semantic_version = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    notes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    licence = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    pilot_recruitment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    content_json = table.Column<string>(type: "jsonb", nullable: false),
                    cited_legal_acts = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    superseded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    superseded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_releases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "adoptions",
                schema: "handover",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    release_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jst_teryt = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    jst_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    project = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_adoptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_adoptions_release_release_id",
                        column: x => x.release_id,
                        principalSchema: "handover",
                        principalTable: "releases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "handovers",
                schema: "handover",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    release_id = table.Column<Guid>(type: "uuid", nullable: false),
                    semantic_version = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    handed_over_on = table.Column<DateOnly>(type: "date", nullable: false),
                    package_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    case_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    acknowledged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handovers", x => x.id);
                    table.ForeignKey(
                        name: "fk_handovers_release_release_id",
                        column: x => x.release_id,
                        principalSchema: "handover",
                        principalTable: "releases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "release_files",
                schema: "handover",
                columns: table => new
                {
                    release_id = table.Column<Guid>(type: "uuid", nullable: false),
                    format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    media_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_release_files", x => new { x.release_id, x.format });
                    table.ForeignKey(
                        name: "fk_release_files_releases_release_id",
                        column: x => x.release_id,
                        principalSchema: "handover",
                        principalTable: "releases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_adoptions_release_id_jst_teryt",
                schema: "handover",
                table: "adoptions",
                columns: new[] { "release_id", "jst_teryt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_handovers_recorded_at_id",
                schema: "handover",
                table: "handovers",
                columns: new[] { "recorded_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_handovers_release_id",
                schema: "handover",
                table: "handovers",
                column: "release_id");

            migrationBuilder.CreateIndex(
                name: "ix_releases_created_at_id",
                schema: "handover",
                table: "releases",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_releases_programme_id_semantic_version",
                schema: "handover",
                table: "releases",
                columns: new[] { "programme_id", "semantic_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_releases_published_at_id",
                schema: "handover",
                table: "releases",
                columns: new[] { "published_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_releases_latest_per_programme",
                schema: "handover",
                table: "releases",
                column: "programme_id",
                unique: true,
                filter: "status = 'Published'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "adoptions",
                schema: "handover");

            migrationBuilder.DropTable(
                name: "handovers",
                schema: "handover");

            migrationBuilder.DropTable(
                name: "release_files",
                schema: "handover");

            migrationBuilder.DropTable(
                name: "releases",
                schema: "handover");
        }
    }
}
