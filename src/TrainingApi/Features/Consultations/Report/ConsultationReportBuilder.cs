using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Consultations.Report;

/// <summary>
/// Builds the report of a round: every comment in document order (general comments first, then section by
/// section, each in the order received), numbered once for the whole round, then filtered and counted.
/// </summary>
public sealed class ConsultationReportBuilder(TrainingDb db, VersionOutlines versions, TimeProvider clock)
{
    public const string GeneralSection = "Uwagi ogólne";

    public async Task<ConsultationReportView> BuildAsync(ConsultationRound round, ReportFilter filter, CancellationToken ct)
    {
        var outline = await versions.FindAsync(round.VersionId, ct) ?? throw new InvalidOperationException($"Round {round.Id} names a missing version.");
        var order = outline.Sections.ToDictionary(s => s.Anchor, s => s.Order, StringComparer.Ordinal);
        var sections = outline.Sections.ToDictionary(s => s.Anchor, s => $"{s.Title} ({s.Anchor})", StringComparer.Ordinal);
        var comments = await db.Set<Comment>().AsNoTracking().Where(c => c.RoundId == round.Id).ToListAsync(ct);
        var submissions = await db.Set<Submission>().AsNoTracking().Where(s => s.RoundId == round.Id)
            .ToDictionaryAsync(s => s.Id, s => new { s.Sequence, s.ExternalReference }, ct);
        var organisationIds = comments.Select(c => c.OrganisationId).Distinct().ToList();
        var organisations = await db.Set<Organisation>().AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var ordered = comments
            .OrderBy(c => c.Anchor is null ? 0 : order.GetValueOrDefault(c.Anchor, int.MaxValue))
            .ThenBy(c => submissions[c.SubmissionId].Sequence).ThenBy(c => c.Position)
            .ToList();
        var numbers = ordered.Select((c, i) => (c.Id, Number: i + 1)).ToDictionary(x => x.Id, x => x.Number);
        var rows = ordered.Select(c => new ReportRow(
                numbers[c.Id], c.Id, c.OrganisationId, organisations.GetValueOrDefault(c.OrganisationId, c.OrganisationId.ToString()), c.MemberJstTeryt,
                c.MemberJstName, c.Anchor, c.Anchor is null ? GeneralSection : sections.GetValueOrDefault(c.Anchor, c.Anchor), c.Quote, c.Content,
                c.ProposedChange, c.Justification, c.Disposition, DispositionNames.Of(c.Disposition).Pl, c.Response, c.TakenIntoVersionLabel,
                c.DuplicateOfId is { } original && numbers.TryGetValue(original, out var n) ? n : null, submissions[c.SubmissionId].ExternalReference))
            .Where(r => filter.OrganisationId is null || r.OrganisationId == filter.OrganisationId)
            .Where(r => filter.Anchor is null || (filter.Anchor == ListComments.GeneralAnchor ? r.Anchor is null : r.Anchor == filter.Anchor))
            .Where(r => filter.Disposition is null || r.Disposition == filter.Disposition)
            .ToList();

        return new ConsultationReportView(round.Id, round.Title, round.VersionId, round.VersionLabel, outline.ProgrammeTitle, round.OpensAt, round.ClosesAt,
            round.StatusAt(clock.GetUtcNow()), round.ReportPublishedAt, filter, Count(rows), rows);
    }

    private static ReportCounts Count(IReadOnlyList<ReportRow> rows) => new(
        rows.Count,
        rows.Count(r => r.DuplicateOfNumber is not null),
        [.. rows.GroupBy(r => r.Disposition).OrderBy(g => g.Key is null ? int.MaxValue : (int)g.Key)
            .Select(g => new CountByDisposition(g.Key, DispositionNames.Of(g.Key).Pl, g.Count()))],
        [.. rows.GroupBy(r => (r.OrganisationId, r.Organisation)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Organisation, StringComparer.Ordinal)
            .Select(g => new CountByOrganisation(g.Key.OrganisationId, g.Key.Organisation, g.Count()))],
        [.. rows.GroupBy(r => (r.Anchor, r.Section)).OrderBy(g => g.Min(r => r.Number))
            .Select(g => new CountBySection(g.Key.Anchor, g.Key.Section, g.Count()))]);

    /// <summary>Changes whenever the round or any of its comments changes: the report's ETag.</summary>
    public async Task<uint> StampAsync(ConsultationRound round, CancellationToken ct)
    {
        var stamps = await db.Set<Comment>().AsNoTracking().Where(c => c.RoundId == round.Id).OrderBy(c => c.Id).Select(c => c.Version).ToListAsync(ct);
        return EntityTags.Combine([round.Version, round.StatusAt(clock.GetUtcNow()), .. stamps.Cast<object>()]);
    }
}
