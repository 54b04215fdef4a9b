using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "members",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_members_OrgPath_Name",
                table: "members",
                columns: new[] { "OrgPath", "Name" });
        
            // Backfill the copy of the person's name on existing registry rows.
            migrationBuilder.Sql("UPDATE members SET \"Name\" = (SELECT p.\"Name\" FROM people p WHERE p.\"Id\" = members.\"PersonId\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_members_OrgPath_Name",
                table: "members");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "members");
        }
    }
}
