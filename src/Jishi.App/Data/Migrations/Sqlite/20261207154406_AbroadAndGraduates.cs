using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AbroadAndGraduates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // T-13-abroad: records registered before are not abroad.
            migrationBuilder.AddColumn<string>(
                name: "AbroadKind",
                table: "mobility",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<DateOnly>(
                name: "AbroadReviewedDate",
                table: "mobility",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "GraduatePlaced",
                table: "members",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "GraduationDate",
                table: "members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GraduationOrgId",
                table: "members",
                type: "TEXT",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AbroadKind",
                table: "mobility");

            migrationBuilder.DropColumn(
                name: "AbroadReviewedDate",
                table: "mobility");

            migrationBuilder.DropColumn(
                name: "GraduatePlaced",
                table: "members");

            migrationBuilder.DropColumn(
                name: "GraduationDate",
                table: "members");

            migrationBuilder.DropColumn(
                name: "GraduationOrgId",
                table: "members");
        }
    }
}
