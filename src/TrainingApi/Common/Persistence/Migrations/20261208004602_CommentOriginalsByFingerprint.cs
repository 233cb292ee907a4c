using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CommentOriginalsByFingerprint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_comments_fingerprint",
                schema: "consultations",
                table: "comments");

            migrationBuilder.CreateIndex(
                name: "ix_comments_fingerprint",
                schema: "consultations",
                table: "comments",
                column: "fingerprint",
                unique: true,
                filter: "duplicate_of_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_comments_fingerprint",
                schema: "consultations",
                table: "comments");

            migrationBuilder.CreateIndex(
                name: "ix_comments_fingerprint",
                schema: "consultations",
                table: "comments",
                column: "fingerprint");
        }
    }
}
