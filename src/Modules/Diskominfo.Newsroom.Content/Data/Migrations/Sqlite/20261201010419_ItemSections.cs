using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ItemSections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SectionId",
                table: "content_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_content_items_SectionId",
                table: "content_items",
                column: "SectionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_content_items_SectionId",
                table: "content_items");

            migrationBuilder.DropColumn(
                name: "SectionId",
                table: "content_items");
        }
    }
}
