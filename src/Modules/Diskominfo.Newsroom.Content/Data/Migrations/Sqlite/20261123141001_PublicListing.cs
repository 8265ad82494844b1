using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicListing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "content_items",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedTitle",
                table: "content_items",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_content_items_Category_PublishedAt",
                table: "content_items",
                columns: new[] { "Category", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_content_items_Category_PublishedAt",
                table: "content_items");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "content_items");

            migrationBuilder.DropColumn(
                name: "PublishedTitle",
                table: "content_items");
        }
    }
}
