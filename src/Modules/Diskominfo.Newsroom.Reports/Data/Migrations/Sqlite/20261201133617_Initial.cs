using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Reports.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reports_adventorial_budgets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetLine = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports_adventorial_budgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reports_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProducedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProducedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Entries = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reports_adventorial_budgets_Year_BudgetLine",
                table: "reports_adventorial_budgets",
                columns: new[] { "Year", "BudgetLine" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reports_runs_Kind_Period",
                table: "reports_runs",
                columns: new[] { "Kind", "Period" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reports_adventorial_budgets");

            migrationBuilder.DropTable(
                name: "reports_runs");
        }
    }
}
