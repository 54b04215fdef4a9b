using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MobilityAndLostContact : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "SuspendedDate",
                table: "members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "lost_contacts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    LostSinceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Circumstance = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    SearchCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SuspendedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lost_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lost_contacts_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_lost_contacts_procedures_Id",
                        column: x => x.Id,
                        principalTable: "procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mobility",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FormalOrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FormalOrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    InflowOrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    InflowOrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: true),
                    InflowOrgName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeftDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ActivityCardNo = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    InflowDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastContactDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobility", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mobility_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mobility_procedures_Id",
                        column: x => x.Id,
                        principalTable: "procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lost_contacts_MemberId_IsOpen",
                table: "lost_contacts",
                columns: new[] { "MemberId", "IsOpen" });

            migrationBuilder.CreateIndex(
                name: "IX_lost_contacts_OrgPath_IsOpen",
                table: "lost_contacts",
                columns: new[] { "OrgPath", "IsOpen" });

            migrationBuilder.CreateIndex(
                name: "IX_mobility_FormalOrgPath_IsOpen",
                table: "mobility",
                columns: new[] { "FormalOrgPath", "IsOpen" });

            migrationBuilder.CreateIndex(
                name: "IX_mobility_InflowOrgPath_IsOpen",
                table: "mobility",
                columns: new[] { "InflowOrgPath", "IsOpen" });

            migrationBuilder.CreateIndex(
                name: "IX_mobility_MemberId_IsOpen",
                table: "mobility",
                columns: new[] { "MemberId", "IsOpen" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lost_contacts");

            migrationBuilder.DropTable(
                name: "mobility");

            migrationBuilder.DropColumn(
                name: "SuspendedDate",
                table: "members");
        }
    }
}
