using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Postgres
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<DateOnly>(
                name: "AbroadReviewedDate",
                table: "mobility",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "GraduatePlaced",
                table: "members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "GraduationDate",
                table: "members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GraduationOrgId",
                table: "members",
                type: "character varying(20)",
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
