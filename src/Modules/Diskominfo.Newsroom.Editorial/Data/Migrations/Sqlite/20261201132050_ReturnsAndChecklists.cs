using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Editorial.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReturnsAndChecklists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "editorial_checklists",
                columns: table => new
                {
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Checks = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    MinCropPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_editorial_checklists", x => new { x.ContentType, x.Channel });
                });

            migrationBuilder.CreateTable(
                name: "editorial_return_settings",
                columns: table => new
                {
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReturnTo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_editorial_return_settings", x => x.ContentType);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "editorial_checklists");

            migrationBuilder.DropTable(
                name: "editorial_return_settings");
        }
    }
}
