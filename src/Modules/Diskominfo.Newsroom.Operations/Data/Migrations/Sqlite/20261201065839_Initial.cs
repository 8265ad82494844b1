using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Operations.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "operations_samples",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Health = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PublicationsOpen = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicationsFailed = table.Column<int>(type: "INTEGER", nullable: false),
                    QueueDepth = table.Column<int>(type: "INTEGER", nullable: false),
                    IndexLagSeconds = table.Column<double>(type: "REAL", nullable: true),
                    FailedSignIns = table.Column<int>(type: "INTEGER", nullable: false),
                    BackupAgeHours = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_operations_samples", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "operations_sign_in_failures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_operations_sign_in_failures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_operations_samples_At",
                table: "operations_samples",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_operations_sign_in_failures_At",
                table: "operations_sign_in_failures",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "operations_samples");

            migrationBuilder.DropTable(
                name: "operations_sign_in_failures");
        }
    }
}
