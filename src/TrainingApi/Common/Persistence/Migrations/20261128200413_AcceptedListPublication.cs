using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AcceptedListPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "accepted_list_published_at",
                schema: "enrollment",
                table: "recruitments",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "accepted_list_published_at",
                schema: "enrollment",
                table: "recruitments");
        }
    }
}
