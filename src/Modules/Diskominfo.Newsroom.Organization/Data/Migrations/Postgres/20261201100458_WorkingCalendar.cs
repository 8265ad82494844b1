using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Organization.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkingCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organization_days_off",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization_days_off", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "organization_office_hours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    WorkingDays = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpensMinute = table.Column<int>(type: "integer", nullable: false),
                    ClosesMinute = table.Column<int>(type: "integer", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization_office_hours", x => x.Id);
                });

            // The days off of 2026 from the joint decree; from here on they are the admin's to edit.
            migrationBuilder.InsertData("organization_days_off", SkbDaysOff2026.Columns, ["date", "character varying(200)", "character varying(20)", "timestamp with time zone", "character varying(200)"], SkbDaysOff2026.Rows(at => at));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organization_days_off");

            migrationBuilder.DropTable(
                name: "organization_office_hours");
        }
    }
}
