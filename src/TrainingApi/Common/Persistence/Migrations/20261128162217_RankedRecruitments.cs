using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RankedRecruitments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "allocated_at",
                schema: "enrollment",
                table: "recruitments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_per_kind",
                schema: "enrollment",
                table: "recruitments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_per_voivodeship",
                schema: "enrollment",
                table: "recruitments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "score",
                schema: "enrollment",
                table: "applications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "score_note",
                schema: "enrollment",
                table: "applications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "allocated_at",
                schema: "enrollment",
                table: "recruitments");

            migrationBuilder.DropColumn(
                name: "max_per_kind",
                schema: "enrollment",
                table: "recruitments");

            migrationBuilder.DropColumn(
                name: "max_per_voivodeship",
                schema: "enrollment",
                table: "recruitments");

            migrationBuilder.DropColumn(
                name: "score",
                schema: "enrollment",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "score_note",
                schema: "enrollment",
                table: "applications");
        }
    }
}
