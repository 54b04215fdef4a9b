using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jishi.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DuesPaidMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dues_paid_months",
                columns: table => new
                {
                    MemberId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Runs = table.Column<string>(type: "text", nullable: false),
                    LastPaymentId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_paid_months", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_dues_paid_months_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // The runs of the members who already have payments, derived from them.
            migrationBuilder.Sql(Jishi.App.Dues.DuesPaidMonths.BackfillSql(sqlite: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dues_paid_months");
        }
    }
}
