using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Media.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhotoFocus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "FocusX",
                table: "media_files",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "FocusY",
                table: "media_files",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FocusX",
                table: "media_files");

            migrationBuilder.DropColumn(
                name: "FocusY",
                table: "media_files");
        }
    }
}
