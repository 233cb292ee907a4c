using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationsAwaitingPlacement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_applications_awaiting_placement",
                schema: "enrollment",
                table: "applications",
                columns: new[] { "recruitment_id", "submitted_at", "id" },
                filter: "status = 'Submitted'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_applications_awaiting_placement",
                schema: "enrollment",
                table: "applications");
        }
    }
}
