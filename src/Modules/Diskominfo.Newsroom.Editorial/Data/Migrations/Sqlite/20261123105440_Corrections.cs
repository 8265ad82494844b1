using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Editorial.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Corrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CorrectionNote",
                table: "editorial_workflows",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "editorial_workflows",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WriterId",
                table: "editorial_workflows",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Items started before corrections existed are written by their owner.
            migrationBuilder.Sql("UPDATE editorial_workflows SET \"WriterId\" = \"OwnerId\" WHERE \"WriterId\" = ''");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CorrectionNote",
                table: "editorial_workflows");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "editorial_workflows");

            migrationBuilder.DropColumn(
                name: "WriterId",
                table: "editorial_workflows");
        }
    }
}
