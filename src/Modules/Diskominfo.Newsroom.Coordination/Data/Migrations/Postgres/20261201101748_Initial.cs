using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Diskominfo.Newsroom.Coordination.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    AgendaNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Organizer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LetterNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RegisteredByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LetterPath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LetterContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LetterFileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LetterSize = table.Column<long>(type: "bigint", nullable: false),
                    LetterSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coordination_activities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "coordination_standards",
                columns: table => new
                {
                    Step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coordination_standards", x => x.Step);
                });

            migrationBuilder.CreateTable(
                name: "coordination_activity_trail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ActorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActingAs = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coordination_activity_trail", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coordination_activity_trail_coordination_activities_Activit~",
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
