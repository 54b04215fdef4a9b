using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DuesLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dues_ledger",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CounterpartOrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CounterpartOrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Voucher = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ReversesEntryId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_ledger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dues_year_reports",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrgId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Opening = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Collected = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Interest = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    ReceivedFromBelow = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    ReceivedFromAbove = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Remitted = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Allocated = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Spent = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Closing = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_year_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dues_ledger_CounterpartOrgId_Date",
                table: "dues_ledger",
                columns: new[] { "CounterpartOrgId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_dues_ledger_OrgId_Date",
                table: "dues_ledger",
                columns: new[] { "OrgId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_dues_ledger_OrgPath",
                table: "dues_ledger",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_dues_ledger_ReversesEntryId",
                table: "dues_ledger",
                column: "ReversesEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dues_year_reports_OrgId_Year_Kind",
                table: "dues_year_reports",
                columns: new[] { "OrgId", "Year", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dues_year_reports_OrgPath",
                table: "dues_year_reports",
                column: "OrgPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dues_ledger");

            migrationBuilder.DropTable(
                name: "dues_year_reports");
        }
    }
}
