using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <summary>
    /// Places taken by confirming a waiting-list offer were stored without <c>accepted_at</c>, so the indicator report
    /// missed them. Each gets the time the offer was confirmed, from the audit log (the entry is written in the same
    /// transaction); failing that the confirmation of the place or the last decision, the closest later times kept.
    /// </summary>
    public partial class AcceptedOffersTookTheirPlace : Migration
    {
        /// <summary>Idempotent: it touches only places without <c>accepted_at</c>, which no other route leaves.</summary>
        public const string RepairSql = """
            WITH offer_confirmed AS (
                SELECT e.entity_id, min(e.at) AS at
                FROM platform.audit_entries e
                WHERE e.entity_type = 'Application' AND e.action = 'ConfirmOffer'
                GROUP BY e.entity_id
            )
            UPDATE enrollment.applications a
               SET accepted_at = COALESCE(o.at, a.confirmed_at, a.decided_at)
              FROM enrollment.applications x
              LEFT JOIN offer_confirmed o ON o.entity_id = x.id::text
             WHERE a.id = x.id AND a.accepted_at IS NULL
               AND (a.status IN ('Accepted', 'Confirmed', 'Completed') OR a.confirmed_at IS NOT NULL OR o.at IS NOT NULL);
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(RepairSql);

        /// <summary>Nothing to undo: the times it fills are the ones the code now records.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
