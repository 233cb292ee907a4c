using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammeSlugs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "programme_slug",
                schema: "handover",
                table: "releases",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "slug",
                schema: "curriculum",
                table: "programmes",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "slug_frozen_at",
                schema: "curriculum",
                table: "programmes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "programme_slugs",
                schema: "curriculum",
                columns: table => new
                {
                    slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reserved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_slugs", x => x.slug);
                    table.ForeignKey(
                        name: "fk_programme_slugs_programmes_programme_id",
                        column: x => x.programme_id,
                        principalSchema: "curriculum",
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Programmes made before slugs get one from their title (Polish letters folded as ProgrammeSlug.FromTitle does; a
            // title shared with an earlier programme gets a piece of the id), reserved for good; those with a release keep it fixed.
            migrationBuilder.Sql("""
                WITH folded AS (
                    SELECT id, created_at,
                           trim(both '-' from left(trim(both '-' from regexp_replace(
                               lower(translate(title, 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ', 'acelnoszzACELNOSZZ')), '[^a-z0-9]+', '-', 'g')), 70)) AS base
                    FROM curriculum.programmes),
                named AS (
                    SELECT id, created_at, CASE WHEN length(base) < 3 THEN 'program' ELSE base END AS base FROM folded),
                numbered AS (
                    SELECT id, base, row_number() OVER (PARTITION BY base ORDER BY created_at, id) AS n FROM named)
                UPDATE curriculum.programmes p
                SET slug = CASE WHEN numbered.n = 1 THEN numbered.base ELSE numbered.base || '-' || left(replace(p.id::text, '-', ''), 8) END
                FROM numbered WHERE numbered.id = p.id;

                UPDATE curriculum.programmes p
                SET slug_frozen_at = (SELECT min(r.created_at) FROM handover.releases r WHERE r.programme_id = p.id)
                WHERE EXISTS (SELECT 1 FROM handover.releases r WHERE r.programme_id = p.id);

                INSERT INTO curriculum.programme_slugs (slug, programme_id, reserved_at)
                SELECT slug, id, now() FROM curriculum.programmes;

                UPDATE handover.releases r SET programme_slug = p.slug FROM curriculum.programmes p WHERE p.id = r.programme_id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_releases_programme_slug_semantic_version",
                schema: "handover",
                table: "releases",
                columns: new[] { "programme_slug", "semantic_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_programmes_slug",
                schema: "curriculum",
                table: "programmes",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_programme_slugs_programme_id",
                schema: "curriculum",
                table: "programme_slugs",
                column: "programme_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "programme_slugs",
                schema: "curriculum");

            migrationBuilder.DropIndex(
                name: "ix_releases_programme_slug_semantic_version",
                schema: "handover",
                table: "releases");

            migrationBuilder.DropIndex(
                name: "ix_programmes_slug",
                schema: "curriculum",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "programme_slug",
                schema: "handover",
                table: "releases");

            migrationBuilder.DropColumn(
                name: "slug",
                schema: "curriculum",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "slug_frozen_at",
                schema: "curriculum",
                table: "programmes");
        }
    }
}
