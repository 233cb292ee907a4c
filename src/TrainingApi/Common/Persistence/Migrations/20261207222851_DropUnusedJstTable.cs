using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DropUnusedJstTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The JST register is held in memory from the CSV embedded in the build (JstRegister) and searched there; nothing
            // read this copy of it any more. A database made by the Initial migration alone has it empty, an older one filled:
            // both end without it.
            migrationBuilder.DropTable(
                name: "jst",
                schema: "enrollment");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "jst",
                schema: "enrollment",
                columns: table => new
                {
                    teryt = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    powiat_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    same_jst_as = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    search_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    voivodeship_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jst", x => x.teryt);
                });

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
        }
    }
}
