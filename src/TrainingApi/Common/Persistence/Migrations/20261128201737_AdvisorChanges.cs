using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AdvisorChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "advisor_changes",
                schema: "advisory",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    engagement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_advisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_advisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advisor_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_advisor_changes_advisors_from_advisor_id",
                        column: x => x.from_advisor_id,
                        principalSchema: "advisory",
                        principalTable: "advisors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_advisor_changes_advisors_to_advisor_id",
                        column: x => x.to_advisor_id,
                        principalSchema: "advisory",
                        principalTable: "advisors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_advisor_changes_engagement_engagement_id",
                        column: x => x.engagement_id,
                        principalSchema: "advisory",
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_advisor_changes_engagement_id_changed_at",
                schema: "advisory",
                table: "advisor_changes",
                columns: new[] { "engagement_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_advisor_changes_from_advisor_id",
                schema: "advisory",
                table: "advisor_changes",
                column: "from_advisor_id");

            migrationBuilder.CreateIndex(
                name: "ix_advisor_changes_to_advisor_id",
                schema: "advisory",
                table: "advisor_changes",
                column: "to_advisor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "advisor_changes",
                schema: "advisory");
        }
    }
}
