using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Coordination.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "coordination_activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Organizer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    LetterNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegisteredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusSince = table.Column<long>(type: "INTEGER", nullable: false),
                    LetterPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LetterContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LetterFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LetterSize = table.Column<long>(type: "INTEGER", nullable: false),
                    LetterSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coordination_activities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "coordination_standards",
                columns: table => new
                {
                    Step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coordination_standards", x => x.Step);
                });

            migrationBuilder.CreateTable(
                name: "coordination_activity_trail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActingAs = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coordination_activity_trail", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coordination_activity_trail_coordination_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "coordination_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_coordination_activities_AgendaNumber",
                table: "coordination_activities",
                column: "AgendaNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coordination_activities_Start",
                table: "coordination_activities",
                column: "Start");

            migrationBuilder.CreateIndex(
                name: "IX_coordination_activities_Status_Start",
                table: "coordination_activities",
                columns: new[] { "Status", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_coordination_activities_Year_Sequence",
                table: "coordination_activities",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coordination_activity_trail_ActivityId_Sequence",
                table: "coordination_activity_trail",
                columns: new[] { "ActivityId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "coordination_activity_trail");

            migrationBuilder.DropTable(
                name: "coordination_standards");

            migrationBuilder.DropTable(
                name: "coordination_activities");
        }
    }
}
