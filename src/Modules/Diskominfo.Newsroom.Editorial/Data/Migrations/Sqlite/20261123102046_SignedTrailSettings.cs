using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Editorial.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignedTrailSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HeadHash",
                table: "editorial_workflows",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PublishAt",
                table: "editorial_workflows",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EntryHash",
                table: "editorial_history",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "editorial_history",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PublishAt",
                table: "editorial_history",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "editorial_chains",
                columns: table => new
                {
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_editorial_chains", x => new { x.ContentType, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "editorial_standards",
                columns: table => new
                {
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_editorial_standards", x => new { x.ContentType, x.Step });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "editorial_chains");

            migrationBuilder.DropTable(
                name: "editorial_standards");

            migrationBuilder.DropColumn(
                name: "HeadHash",
                table: "editorial_workflows");

            migrationBuilder.DropColumn(
                name: "PublishAt",
                table: "editorial_workflows");

            migrationBuilder.DropColumn(
                name: "EntryHash",
                table: "editorial_history");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "editorial_history");

            migrationBuilder.DropColumn(
                name: "PublishAt",
                table: "editorial_history");
        }
    }
}
