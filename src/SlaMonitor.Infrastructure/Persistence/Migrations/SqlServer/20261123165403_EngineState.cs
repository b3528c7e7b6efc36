using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaMonitor.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EngineState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PausedByBlameJson",
                table: "Promises",
                type: "nvarchar(512)",
                maxLength: 512,
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "Promises",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Promises_UpdatedAt",
                table: "Promises",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Promises_UpdatedAt",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "PausedByBlameJson",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "Promises");
        }
    }
}
