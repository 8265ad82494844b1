using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Publishing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CorrectionRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_publishing_publications_ItemId_Channel",
                table: "publishing_publications");

            migrationBuilder.AddColumn<string>(
                name: "CorrectionNote",
                table: "publishing_publications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EditOf",
                table: "publishing_publications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "publishing_publications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_publishing_publications_ItemId_Channel_Round",
                table: "publishing_publications",
                columns: new[] { "ItemId", "Channel", "Round" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_publishing_publications_ItemId_Channel_Round",
                table: "publishing_publications");

            migrationBuilder.DropColumn(
                name: "CorrectionNote",
                table: "publishing_publications");

            migrationBuilder.DropColumn(
                name: "EditOf",
                table: "publishing_publications");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "publishing_publications");

            migrationBuilder.CreateIndex(
                name: "IX_publishing_publications_ItemId_Channel",
                table: "publishing_publications",
                columns: new[] { "ItemId", "Channel" },
                unique: true);
        }
    }
}
