using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaMonitor.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BoardFeedIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Promises_ClosedAt",
                table: "Promises",
                column: "ClosedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Promises_UpdatedAt",
                table: "Promises",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Promises_ClosedAt",
                table: "Promises");

            migrationBuilder.DropIndex(
                name: "IX_Promises_UpdatedAt",
                table: "Promises");
        }
    }
}
