using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Editorial.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StandardUnitsAndEmbargo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The standard minutes become an amount with its unit: every stored one was in minutes.
            migrationBuilder.RenameColumn(
                name: "Minutes",
                table: "editorial_standards",
                newName: "Amount");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmbargoUntil",
                table: "editorial_workflows",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Unit",
                table: "editorial_standards",
                type: "text",
                nullable: false,
                defaultValue: "minutes");

            migrationBuilder.CreateIndex(
                name: "IX_editorial_workflows_EmbargoUntil",
                table: "editorial_workflows",
                column: "EmbargoUntil");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_editorial_workflows_EmbargoUntil",
                table: "editorial_workflows");

            migrationBuilder.DropColumn(
                name: "EmbargoUntil",
                table: "editorial_workflows");

            migrationBuilder.DropColumn(
                name: "Unit",
                table: "editorial_standards");

            migrationBuilder.RenameColumn(
                name: "Amount",
                table: "editorial_standards",
                newName: "Minutes");
        }
    }
}
