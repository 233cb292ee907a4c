using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Report;

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
}
