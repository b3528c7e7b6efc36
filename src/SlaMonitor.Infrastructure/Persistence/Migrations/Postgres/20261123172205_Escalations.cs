using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SlaMonitor.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Escalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "WakeupClaim",
                table: "Promises",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketRef = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    OpenKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    CustomerCode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SiteCode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CarrierCode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Region = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ReasonKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ReasonsJson = table.Column<string>(type: "text", nullable: false),
                    PromiseStatus = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AcknowledgeNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AssignedTo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    NextNotifyAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastNotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NotifyAttempts = table.Column<int>(type: "integer", nullable: false),
                    RenotifyCount = table.Column<int>(type: "integer", nullable: false),
                    ServiceLevel = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PolicyVersion = table.Column<int>(type: "integer", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WakeupClaim = table.Column<Guid>(type: "uuid", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CarrierCode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Region = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ReasonKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WindowEndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    LastNotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NotifyCount = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NotificationDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: true),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Target = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    Result = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationDeliveries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_IncidentId",
                table: "Escalations",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_NextNotifyAt",
                table: "Escalations",
                column: "NextNotifyAt");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_OpenKey",
                table: "Escalations",
                column: "OpenKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_State_CustomerCode",
                table: "Escalations",
                columns: new[] { "State", "CustomerCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_TicketRef",
                table: "Escalations",
                column: "TicketRef");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_UpdatedAt",
                table: "Escalations",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_GroupKey_WindowEndsAt",
                table: "Incidents",
                columns: new[] { "GroupKey", "WindowEndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDeliveries_EscalationId",
                table: "NotificationDeliveries",
                column: "EscalationId");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDeliveries_IncidentId",
                table: "NotificationDeliveries",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "NotificationDeliveries");

            migrationBuilder.DropColumn(
                name: "WakeupClaim",
                table: "Promises");
        }
    }
}
