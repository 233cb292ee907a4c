using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditOnBehalfOfAndIdempotentAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "resource_id",
                schema: "platform",
                table: "idempotency_records",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "on_behalf_of",
                schema: "platform",
                table: "audit_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "submitted_trace_id",
                schema: "enrollment",
                table: "applications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_resource_id",
                schema: "platform",
                table: "idempotency_records",
                column: "resource_id",
                filter: "NOT completed");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_idempotency_records_resource_id",
                schema: "platform",
                table: "idempotency_records");

            migrationBuilder.DropColumn(
                name: "resource_id",
                schema: "platform",
                table: "idempotency_records");

            migrationBuilder.DropColumn(
                name: "on_behalf_of",
                schema: "platform",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "submitted_trace_id",
                schema: "enrollment",
                table: "applications");
        }
    }
}
