using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Editorial.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SectionsAndPosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsOrder",
                table: "editorial_workflows",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "SectionId",
                table: "editorial_workflows",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActingAs",
                table: "editorial_history",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "editorial_history",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // Adventorials ordered before this column existed: their owner (the Kadis) ordered them, the PPTK wrote them.
            migrationBuilder.Sql("""UPDATE editorial_workflows SET "IsOrder" = TRUE WHERE "ItemId" IN (SELECT "ItemId" FROM editorial_history WHERE "Action" = 'ordered');""");

            migrationBuilder.CreateIndex(
                name: "IX_editorial_workflows_SectionId",
                table: "editorial_workflows",
                column: "SectionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_editorial_workflows_SectionId",
                table: "editorial_workflows");

            migrationBuilder.DropColumn(
                name: "IsOrder",
                table: "editorial_workflows");

            migrationBuilder.DropColumn(
                name: "SectionId",
                table: "editorial_workflows");

            migrationBuilder.DropColumn(
                name: "ActingAs",
                table: "editorial_history");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "editorial_history");
        }
    }
}
