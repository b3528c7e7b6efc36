using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaMonitor.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CarrierCustomers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RefusedReason",
                table: "Events",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomersJson",
                table: "Carriers",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RefusedReason",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "CustomersJson",
                table: "Carriers");
        }
    }
}
