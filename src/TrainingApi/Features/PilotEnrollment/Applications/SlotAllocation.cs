using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// First come, first served, in PostgreSQL: one statement locks the recruitment row, decides from its counters
/// whether this application takes a place or the next waiting-list position, bumps the counter and writes the
/// decision on the application. Concurrent applications queue on the row lock (on any number of API instances),
/// and under READ COMMITTED each one re-reads the counters its predecessor committed, so exactly `capacity` are
/// accepted and the waiting list is numbered 1, 2, 3… without gaps. The lock is held from this statement to the
/// commit that follows it, nothing longer. The lock is FOR NO KEY UPDATE, not FOR UPDATE: every application
/// insert holds a FOR KEY SHARE lock on the recruitment (its foreign key), which FOR UPDATE would wait for —
/// two applicants would each wait for the other's key lock, a deadlock.
/// </summary>
public static class SlotAllocation
{
    public sealed record Decision(string Status, int? WaitlistPosition);

    public static async Task<Decision> AssignAsync(TrainingDb db, Guid recruitmentId, Guid applicationId, DateTimeOffset now, CancellationToken ct)
    {
        var decisions = await db.Database.SqlQuery<Decision>($"""
            WITH r AS (
                SELECT id, capacity, accepted_count, waitlisted_count
                FROM enrollment.recruitments WHERE id = {recruitmentId} FOR NO KEY UPDATE
            ), decision AS (
                SELECT id, accepted_count < capacity AS accept, waitlisted_count + 1 AS position FROM r
            ), counted AS (
                UPDATE enrollment.recruitments t
                   SET accepted_count = t.accepted_count + CASE WHEN d.accept THEN 1 ELSE 0 END,
                       waitlisted_count = t.waitlisted_count + CASE WHEN d.accept THEN 0 ELSE 1 END
                  FROM decision d WHERE t.id = d.id
                RETURNING t.id
            )
            UPDATE enrollment.applications a
               SET status = CASE WHEN d.accept THEN 'Accepted' ELSE 'Waitlisted' END,
                   waitlist_position = CASE WHEN d.accept THEN NULL ELSE d.position END,
                   decided_at = {now}
              FROM decision d, counted c
             WHERE a.id = {applicationId}
            RETURNING a.status AS status, a.waitlist_position AS waitlist_position
            """).ToListAsync(ct);
        return decisions.Single();
    }

    /// <summary>Takes the recruitment's lock for a change of the waiting list made through tracked entities (withdrawals).</summary>
    public static Task LockAsync(TrainingDb db, Guid recruitmentId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM enrollment.recruitments WHERE id = {recruitmentId} FOR NO KEY UPDATE", ct);

    public static Task CountAsync(TrainingDb db, Guid recruitmentId, int acceptedDelta, int waitlistedDelta, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE enrollment.recruitments
               SET accepted_count = accepted_count + {acceptedDelta}, waitlisted_count = waitlisted_count + {waitlistedDelta}
             WHERE id = {recruitmentId}
            """, ct);
}
