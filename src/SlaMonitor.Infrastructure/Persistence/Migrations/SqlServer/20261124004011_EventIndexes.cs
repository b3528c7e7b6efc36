using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaMonitor.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EventIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_CarrierCode_EventId",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_ParkedExpiredAt_ReceivedAt",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Events_EventId_CarrierCode",
                table: "Events",
                columns: new[] { "EventId", "CarrierCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_ParkedExpiredAt",
                table: "Events",
                column: "ParkedExpiredAt",
                filter: "\"ParkedExpiredAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_EventId_CarrierCode",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_ParkedExpiredAt",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Events_CarrierCode_EventId",
                table: "Events",
                columns: new[] { "CarrierCode", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_ParkedExpiredAt_ReceivedAt",
                table: "Events",
                columns: new[] { "ParkedExpiredAt", "ReceivedAt" });
        }
    }
}
