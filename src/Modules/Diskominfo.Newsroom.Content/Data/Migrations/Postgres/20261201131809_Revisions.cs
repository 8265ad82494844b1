using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Diskominfo.Newsroom.Content.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Revisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "content_items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "content_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "content_items",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedByName",
                table: "content_items",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "content_revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    parts_json = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SavedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SavedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RestoredFrom = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_content_revisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_content_revisions_ItemId_Number",
                table: "content_revisions",
                columns: new[] { "ItemId", "Number" },
                unique: true);

            // Items saved before revisions were kept: one revision per version, the item at its last one.
            migrationBuilder.Sql("""
                INSERT INTO content_revisions ("ItemId", "Number", "VersionId", "VersionNumber", "Title", parts_json, "ContentHash", "SavedBy", "SavedByName", "SavedAt")
                SELECT v."ItemId", v."Number", v."Id", v."Number", v."Title", v.parts_json, v."ContentHash", v."CreatedBy",
                       CASE WHEN v."CreatedBy" = i."OwnerId" THEN i."OwnerName" ELSE '' END, v."CreatedAt"
                FROM content_versions v JOIN content_items i ON i."Id" = v."ItemId";
                """);
            migrationBuilder.Sql("""
                UPDATE content_items SET
                    "Revision" = COALESCE((SELECT MAX(v."Number") FROM content_versions v WHERE v."ItemId" = content_items."Id"), 0),
                    "UpdatedAt" = (SELECT MAX(v."CreatedAt") FROM content_versions v WHERE v."ItemId" = content_items."Id"),
                    "UpdatedBy" = "OwnerId",
                    "UpdatedByName" = "OwnerName";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "content_revisions");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "content_items");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "content_items");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "content_items");

            migrationBuilder.DropColumn(
                name: "UpdatedByName",
                table: "content_items");
        }
    }
}
