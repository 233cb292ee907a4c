using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Events;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// First come, first served, in PostgreSQL. An application is first stored as submitted (its own transaction,
/// so many commit together); then whoever holds the recruitment's row lock places every submitted application
/// at once, in order of arrival, in one statement: a place while the counter is under capacity, else the next
/// waiting-list position. Exactly `capacity` are accepted and the list is numbered 1, 2, 3… without gaps, on any
/// number of instances, because only the lock holder changes counters and it reads them after taking the lock.
/// Within an instance, <see cref="PlacementCoordinator"/> makes one lock holder serve every waiting applicant, so one
/// commit places a whole burst.
/// The lock is FOR NO KEY UPDATE, not FOR UPDATE: every application insert holds a FOR KEY SHARE lock on the
/// recruitment (its foreign key), which FOR UPDATE would have to wait for.
/// </summary>
public static class SlotAllocation
{
    public sealed record Placed(Guid Id, string Status, int? WaitlistPosition, string JstTeryt, string SubmittedBy, string? SubmittedTraceId);

    /// <summary>Takes the recruitment's lock if nobody holds it; false when it is taken.</summary>
    /// <remarks>Lock only, no read (plain ADO.NET, cached SQL): this runs many times per application under load.</remarks>
    public static Task<bool> TryLockAsync(TrainingDb db, Guid recruitmentId, CancellationToken ct) =>
        db.LockRowAsync<Recruitments.Recruitment>(recruitmentId, RowLock.NoKeyUpdate, RowLockWait.SkipLocked, ct);

    /// <summary>
    /// Under the lock: places all submitted applications of the recruitment. A separate statement from the lock,
    /// so that its snapshot is taken after the lock and sees every application and counter committed before it.
    /// </summary>
    public static Task<List<Placed>> PlaceSubmittedAsync(TrainingDb db, Guid recruitmentId, DateTimeOffset now, CancellationToken ct) =>
        db.Database.SqlQuery<Placed>($"""
            WITH r AS (
                SELECT capacity, accepted_count, waitlisted_count FROM enrollment.recruitments WHERE id = {recruitmentId}
            ), pending AS (
                SELECT a.id, row_number() OVER (ORDER BY a.submitted_at, a.id) AS n
                FROM enrollment.applications a
                WHERE a.recruitment_id = {recruitmentId} AND a.status = 'Submitted'
            ), decided AS (
                SELECT p.id, r.accepted_count + p.n <= r.capacity AS accept,
                       r.waitlisted_count + p.n - GREATEST(r.capacity - r.accepted_count, 0) AS position
                FROM pending p CROSS JOIN r
            ), placed AS (
                UPDATE enrollment.applications a
                   SET status = CASE WHEN d.accept THEN 'Accepted' ELSE 'Waitlisted' END,
                       waitlist_position = CASE WHEN d.accept THEN NULL ELSE d.position END,
                       decided_at = {now},
                       accepted_at = CASE WHEN d.accept THEN {now} END
                  FROM decided d WHERE a.id = d.id
                RETURNING a.id, a.status, a.waitlist_position, a.jst_teryt, a.submitted_by, a.submitted_trace_id
            ), counted AS (
                UPDATE enrollment.recruitments t
                   SET accepted_count = t.accepted_count + (SELECT count(*) FROM placed WHERE placed.status = 'Accepted'),
                       waitlisted_count = t.waitlisted_count + (SELECT count(*) FROM placed WHERE placed.status = 'Waitlisted')
                 WHERE t.id = {recruitmentId}
                RETURNING 1
            )
            SELECT placed.id, placed.status, placed.waitlist_position, placed.jst_teryt, placed.submitted_by, placed.submitted_trace_id FROM placed, counted
            """).ToListAsync(ct);

    /// <summary>
    /// Under the lock: places the submitted applications and records each decision (audit entry, event) in the same
    /// transaction. The system places them, each for its own submitter and under the trace of its submission,
    /// whichever request's batch or sweep it is. The caller answers their Idempotency-Keys in that transaction too.
    /// </summary>
    /// <param name="services">The scope of the runner's unit of work the placement runs in.</param>
    public static async Task<List<Placed>> PlaceAndAnnounceAsync(IServiceProvider services, Guid recruitmentId, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<TrainingDb>();
        var events = services.GetRequiredService<EventOutbox>();
        var audit = services.GetRequiredService<AuditLog>();
        var metrics = services.GetRequiredService<Common.Telemetry.BusinessMetrics>();
        var placed = await PlaceSubmittedAsync(db, recruitmentId, now, ct);
        foreach (var p in placed)
        {
            metrics.ApplicationPlaced(p.WaitlistPosition is null);
            audit.Changed(db, nameof(Application), p.Id, new { status = p.Status, waitlistPosition = p.WaitlistPosition },
                Actor.SystemFor(p.SubmittedBy), p.SubmittedTraceId);
            if (p.WaitlistPosition is { } position)
            {
                events.Publish(new ApplicationWaitlisted(recruitmentId, p.Id, p.JstTeryt, position));
            }
            else
            {
                events.Publish(new ApplicationAccepted(recruitmentId, p.Id, p.JstTeryt));
            }
        }

        return placed;
    }

    /// <summary>Takes the recruitment's lock, waiting for it, for a change of the waiting list made through tracked entities (withdrawals).</summary>
    public static Task LockAsync(TrainingDb db, Guid recruitmentId, CancellationToken ct) =>
        db.LockRowAsync<Recruitments.Recruitment>(recruitmentId, RowLock.NoKeyUpdate, ct);
}
