using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Users.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "users_accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Disabled",
                table: "users_accounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DisabledAt",
                table: "users_accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "users_accounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastSignInAt",
                table: "users_accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "users_accounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Nip",
                table: "users_accounts",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhotoCredit",
                table: "users_accounts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SectionId",
                table: "users_accounts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_accounts_SectionId",
                table: "users_accounts",
                column: "SectionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_users_accounts_SectionId",
                table: "users_accounts");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "users_accounts");

            migrationBuilder.DropColumn(
                name: "Disabled",
                table: "users_accounts");

            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "users_accounts");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "users_accounts");

            migrationBuilder.DropColumn(
                name: "LastSignInAt",
                table: "users_accounts");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "users_accounts");

            migrationBuilder.DropColumn(
                name: "Nip",
                table: "users_accounts");

            migrationBuilder.DropColumn(
                name: "PhotoCredit",
                table: "users_accounts");

            migrationBuilder.DropColumn(
                name: "SectionId",
                table: "users_accounts");
        }
    }
}
