using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaMonitor.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Carriers",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Secret = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    Format = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Carriers", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AccountManagersJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    AlertWebhook = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CarrierCode = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    EventId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TicketRef = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    ShipmentRef = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    LocationCode = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    CountryCode = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    EstimatedArrival = table.Column<DateTime>(type: "datetime2", nullable: true),
                    OpenedCustomer = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    OpenedSite = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    OpenedServiceLevel = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Policies",
                columns: table => new
                {
                    ServiceLevel = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    DefinitionJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Policies", x => new { x.ServiceLevel, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "Promises",
                columns: table => new
                {
                    TicketRef = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    CustomerCode = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    SiteCode = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    ServiceLevel = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    PolicyVersion = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Deadline = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PredictedCompletion = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ProbabilityLate = table.Column<double>(type: "float", nullable: true),
                    PausedSeconds = table.Column<long>(type: "bigint", nullable: false),
                    ReasonsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CarrierCode = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    NextEvaluationAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Promises", x => x.TicketRef);
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    TimeZone = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    CalendarJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_CarrierCode_EventId",
                table: "Events",
                columns: new[] { "CarrierCode", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_ShipmentRef",
                table: "Events",
                column: "ShipmentRef");

            migrationBuilder.CreateIndex(
                name: "IX_Events_TicketRef",
                table: "Events",
                column: "TicketRef");

            migrationBuilder.CreateIndex(
                name: "IX_Promises_Deadline",
                table: "Promises",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_Promises_NextEvaluationAt",
                table: "Promises",
                column: "NextEvaluationAt");

            migrationBuilder.CreateIndex(
                name: "IX_Promises_Status",
                table: "Promises",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Carriers");

            migrationBuilder.DropTable(
                name: "Customers");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "Policies");

            migrationBuilder.DropTable(
                name: "Promises");

            migrationBuilder.DropTable(
                name: "Sites");
        }
    }
}
