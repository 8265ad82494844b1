using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Coverage.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "coverage_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DispositionRole = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DispositionById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DispositionByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DispositionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DispositionedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssignedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssignedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AssignNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportText = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    VideoUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ForwardedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ForwardedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ForwardNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovalNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReturnNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PressReleaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PressReleaseCreatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coverage_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "coverage_standards",
                columns: table => new
                {
                    Step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coverage_standards", x => x.Step);
                });

            migrationBuilder.CreateTable(
                name: "coverage_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coverage_steps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "coverage_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coverage_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coverage_members_coverage_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "coverage_assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "coverage_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoragePath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coverage_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coverage_photos_coverage_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "coverage_assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_coverage_assignments_ActivityId",
                table: "coverage_assignments",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_coverage_assignments_ApprovedAt",
                table: "coverage_assignments",
                column: "ApprovedAt");

            migrationBuilder.CreateIndex(
                name: "IX_coverage_assignments_PressReleaseId",
                table: "coverage_assignments",
                column: "PressReleaseId");

            migrationBuilder.CreateIndex(
                name: "IX_coverage_assignments_SectionId_Status",
                table: "coverage_assignments",
                columns: new[] { "SectionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_coverage_members_AssignmentId",
                table: "coverage_members",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_coverage_members_UserId",
                table: "coverage_members",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_coverage_photos_AssignmentId",
                table: "coverage_photos",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_coverage_steps_AssignmentId_Step",
                table: "coverage_steps",
                columns: new[] { "AssignmentId", "Step" });

            migrationBuilder.CreateIndex(
                name: "IX_coverage_steps_Start",
                table: "coverage_steps",
                column: "Start");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "coverage_members");

            migrationBuilder.DropTable(
                name: "coverage_photos");

            migrationBuilder.DropTable(
                name: "coverage_standards");

            migrationBuilder.DropTable(
                name: "coverage_steps");

            migrationBuilder.DropTable(
                name: "coverage_assignments");
        }
    }
}
