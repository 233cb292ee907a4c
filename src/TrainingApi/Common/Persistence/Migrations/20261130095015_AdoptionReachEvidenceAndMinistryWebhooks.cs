using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AdoptionReachEvidenceAndMinistryWebhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "owner_role",
                schema: "platform",
                table: "webhook_subscriptions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "evidence_carried_from",
                schema: "handover",
                table: "releases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "update_reason",
                schema: "handover",
                table: "releases",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "call",
                schema: "handover",
                table: "adoptions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "contact_email",
                schema: "handover",
                table: "adoptions",
                type: "character varying(254)",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "contact_name",
                schema: "handover",
                table: "adoptions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "contact_phone",
                schema: "handover",
                table: "adoptions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "erased_at",
                schema: "handover",
                table: "adoptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_adoptions_recorded_at_id",
                schema: "handover",
                table: "adoptions",
                columns: new[] { "recorded_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_adoptions_recorded_at_id",
                schema: "handover",
                table: "adoptions");

            migrationBuilder.DropColumn(
                name: "owner_role",
                schema: "platform",
                table: "webhook_subscriptions");

            migrationBuilder.DropColumn(
                name: "evidence_carried_from",
                schema: "handover",
                table: "releases");

            migrationBuilder.DropColumn(
                name: "update_reason",
                schema: "handover",
                table: "releases");

            migrationBuilder.DropColumn(
                name: "call",
                schema: "handover",
                table: "adoptions");

            migrationBuilder.DropColumn(
                name: "contact_email",
                schema: "handover",
                table: "adoptions");

            migrationBuilder.DropColumn(
                name: "contact_name",
                schema: "handover",
                table: "adoptions");

            migrationBuilder.DropColumn(
                name: "contact_phone",
                schema: "handover",
                table: "adoptions");

            migrationBuilder.DropColumn(
                name: "erased_at",
                schema: "handover",
                table: "adoptions");
        }
    }
}
