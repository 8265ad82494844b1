using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Media.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MediaLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AltText",
                table: "media_files",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Caption",
                table: "media_files",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Credit",
                table: "media_files",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RenditionSet",
                table: "media_files",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "media_item_photos",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MediaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_media_item_photos", x => new { x.ItemId, x.MediaId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_media_files_UploadedAt_Id",
                table: "media_files",
                columns: new[] { "UploadedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_media_files_UploadedBy_UploadedAt",
                table: "media_files",
                columns: new[] { "UploadedBy", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_media_item_photos_MediaId",
                table: "media_item_photos",
                column: "MediaId");

            // Every file so far was uploaded to one item: that is its first link.
            migrationBuilder.Sql(
                "INSERT INTO media_item_photos (\"ItemId\", \"MediaId\", \"LinkedAt\", \"LinkedBy\") " +
                "SELECT \"ItemId\", \"Id\", \"UploadedAt\", \"UploadedBy\" FROM media_files;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "media_item_photos");

            migrationBuilder.DropIndex(
                name: "IX_media_files_UploadedAt_Id",
                table: "media_files");

            migrationBuilder.DropIndex(
                name: "IX_media_files_UploadedBy_UploadedAt",
                table: "media_files");

            migrationBuilder.DropColumn(
                name: "AltText",
                table: "media_files");

            migrationBuilder.DropColumn(
                name: "Caption",
                table: "media_files");

            migrationBuilder.DropColumn(
                name: "Credit",
                table: "media_files");

            migrationBuilder.DropColumn(
                name: "RenditionSet",
                table: "media_files");
        }
    }
}
