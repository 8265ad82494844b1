using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Editorial.Data.Migrations.Postgres
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
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishAt",
                table: "editorial_workflows",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EntryHash",
                table: "editorial_history",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "editorial_history",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishAt",
                table: "editorial_history",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "editorial_chains",
                columns: table => new
                {
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Roles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_editorial_chains", x => new { x.ContentType, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "editorial_standards",
                columns: table => new
                {
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Step = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
