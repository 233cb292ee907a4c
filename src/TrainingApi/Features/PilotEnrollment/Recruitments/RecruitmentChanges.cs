using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

/// <summary>
/// What every change of an announced recruitment does besides the change itself: under the recruitment's lock (the one
/// applying takes), it records the reason (<see cref="RecruitmentChange"/>, audited with it), announces the terms as they
/// now are (<c>recruitment.changed</c>) and makes this instance forget its copy of the terms.
/// </summary>
public sealed class RecruitmentChanges(TrainingDb db, EventOutbox events, RecruitmentTermsCache terms, TimeProvider clock)
{
    public TrainingDb Db => db;

    public EventOutbox Events => events;

    public DateTimeOffset Now { get; } = clock.UtcNowForDatabase();

    public Task<Recruitment> LockAsync(Guid recruitmentId, CancellationToken ct) => WaitingList.LockAsync(db, recruitmentId, ct);

    public void Record(Recruitment recruitment, RecruitmentChangeKind kind, string reason, object before, object after)
    {
        db.Add(new RecruitmentChange(recruitment.Id, kind, reason.Trim(), before, after, Now));
        events.Publish(RecruitmentChanged.Of(recruitment, kind));
        terms.Forget(recruitment.Id);
    }

    /// <summary>Once places are decided (ranked allocation run, or the list of JST taking part published) the window is history.</summary>
    public static void EnsureNotDecided(Recruitment recruitment)
    {
        if (recruitment.AllocatedAt is not null || recruitment.AcceptedListPublishedAt is not null)
        {
            throw Problem.Conflict(new Text("Places in this recruitment have been allocated or its list published; its window can no longer change.",
                "W tym naborze przydzielono już miejsca albo opublikowano listę; jego terminów nie można już zmienić."), "recruitment-decided");
        }
    }

    /// <summary>The first and last submission, for a window that must still contain every application already in.</summary>
    public Task<SubmissionSpan?> SubmissionsAsync(Guid recruitmentId, CancellationToken ct) =>
        db.Set<Application>().Where(a => a.RecruitmentId == recruitmentId).GroupBy(a => 1)
            .Select(g => new SubmissionSpan(g.Min(a => a.SubmittedAt), g.Max(a => a.SubmittedAt))).FirstOrDefaultAsync(ct);

    public sealed record SubmissionSpan(DateTimeOffset First, DateTimeOffset Last);
}
