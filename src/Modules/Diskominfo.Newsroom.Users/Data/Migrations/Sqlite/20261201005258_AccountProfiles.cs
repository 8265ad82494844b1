using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Diskominfo.Newsroom.Users.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CreatedAt",
                table: "users_accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Disabled",
                table: "users_accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "DisabledAt",
                table: "users_accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "users_accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "LastSignInAt",
                table: "users_accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "users_accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Nip",
                table: "users_accounts",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhotoCredit",
                table: "users_accounts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SectionId",
                table: "users_accounts",
                type: "TEXT",
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
