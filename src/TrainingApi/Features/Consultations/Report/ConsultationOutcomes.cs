using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Report;

/// <summary>A consultation comment on one anchor, with its disposition and the version it was taken into.</summary>
public sealed record AnchorComment(
    Guid CommentId, Guid RoundId, string VersionLabel, string Organisation, string? Quote, string Content, string? ProposedChange, DateTimeOffset SubmittedAt,
    Dispositions.Disposition? Disposition, string? Response, DateTimeOffset? DisposedAt, string? TakenIntoVersionLabel, DateTimeOffset? TakenInAt);

public sealed record ConsultationOutcome(Guid RoundId, string Title, string VersionLabel, DateTimeOffset? ReportPublishedAt, ReportCounts Counts);

/// <summary>The Consultations slice's public read for releases: the published reports of a programme's rounds, as counts.</summary>
public sealed class ConsultationOutcomes(TrainingDb db, ConsultationReportBuilder reports)
{
    public async Task<IReadOnlyList<ConsultationOutcome>> ForProgrammeAsync(Guid programmeId, CancellationToken ct)
    {
        var rounds = await db.Set<ConsultationRound>().AsNoTracking()
            .Where(r => r.ProgrammeId == programmeId && r.ReportPublishedAt != null).OrderBy(r => r.OpensAt).ToListAsync(ct);
        var outcomes = new List<ConsultationOutcome>(rounds.Count);
        foreach (var round in rounds)
        {
            var report = await reports.BuildAsync(round, new ReportFilter(null, null, null), ct);
            outcomes.Add(new ConsultationOutcome(round.Id, round.Title, round.VersionLabel, round.ReportPublishedAt, report.Counts));
        }

        return outcomes;
    }

    /// <summary>The comments on an anchor in a programme's rounds (not duplicates), oldest first; with <paramref name="publishedOnly"/>, of rounds whose report is published.</summary>
    public async Task<IReadOnlyList<AnchorComment>> OnAnchorAsync(Guid programmeId, string anchor, bool publishedOnly, CancellationToken ct) =>
        [.. (await db.Set<Submissions.Comment>().AsNoTracking().Where(c => c.Anchor == anchor && c.DuplicateOfId == null)
            .Join(db.Set<ConsultationRound>(), c => c.RoundId, r => r.Id, (c, r) => new { c, r })
            .Where(x => x.r.ProgrammeId == programmeId && (!publishedOnly || x.r.ReportPublishedAt != null))
            .Join(db.Set<Organisations.Organisation>(), x => x.c.OrganisationId, o => o.Id, (x, o) => new AnchorComment(x.c.Id, x.r.Id, x.r.VersionLabel, o.Name,
                x.c.Quote, x.c.Content, x.c.ProposedChange, x.c.SubmittedAt, x.c.Disposition, x.c.Response, x.c.DisposedAt, x.c.TakenIntoVersionLabel, x.c.TakenInAt))
            .ToListAsync(ct)).OrderBy(c => c.SubmittedAt).ThenBy(c => c.CommentId)];
}
