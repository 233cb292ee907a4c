using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.SelfAssessment.Responding;
using TrainingApi.Features.SelfAssessment.Results;

namespace TrainingApi.Features.SelfAssessment.Rounds;

/// <summary>
/// Closes a round, by its starter or at its deadline, inside the caller's transaction: computes the results from the
/// submitted answers once, and when they show, makes them the JST's current state for the peer benchmark and the public
/// aggregates (unless a round closed later already is). The round must be locked by the caller.
/// </summary>
public sealed class RoundClosing(TrainingDb db, EventOutbox events, TimeProvider clock)
{
    public async Task CloseAsync(AssessmentRound round, string closedBy, CancellationToken ct)
    {
        round.EnsureOpen();
        var framework = MaturityFramework.Find(round.FrameworkVersion)
                        ?? throw new InvalidOperationException($"Round {round.Id} was answered against framework {round.FrameworkVersion}, which the build no longer ships.");
        var submissions = await db.Set<Submission>().AsNoTracking().Where(s => s.RoundId == round.Id)
            .Select(s => new { s.Role, s.AnswersJson }).ToListAsync(ct);
        var results = RoundResults.Compute(framework,
            [.. submissions.Select(s => (s.Role, (IReadOnlyDictionary<string, int?>)System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int?>>(s.AnswersJson)!))]);
        var now = clock.UtcNowForDatabase();
        round.Close(results, closedBy, now);

        // Links of a closed round are dead; their unsent drafts are answers nobody will submit, so they go.
        var invitations = db.Set<Invitations.Invitation>().Where(i => i.RoundId == round.Id).Select(i => i.Id);
        await db.Set<AnswerDraft>().Where(d => invitations.Contains(d.InvitationId)).ExecuteDeleteAsync(ct);

        if (results.Shown)
        {
            await BecomeCurrentAsync(round, results, now, ct);
        }

        events.Publish(new SelfAssessmentClosed(round.Id, round.Teryt, round.FrameworkVersion, results.Respondents, results.Shown,
            closedBy == AssessmentRound.ClosedAtDeadline));
    }

    private async Task BecomeCurrentAsync(AssessmentRound round, RoundResults results, DateTimeOffset now, CancellationToken ct)
    {
        var current = db.Set<CurrentScore>().Where(s => s.Teryt == round.Teryt);
        if (await current.AnyAsync(s => s.ClosedAt > now, ct))
        {
            return;
        }

        await current.ExecuteDeleteAsync(ct);
        foreach (var area in results.Areas.Where(a => a.Score is not null))
        {
            db.Add(new CurrentScore(round.Teryt, area.Area, area.Score!.Value, round.JstKind, round.VoivodeshipCode, round.Id, round.FrameworkVersion, now));
        }

        if (results.Overall is { } overall)
        {
            db.Add(new CurrentScore(round.Teryt, CurrentScore.Overall, overall, round.JstKind, round.VoivodeshipCode, round.Id, round.FrameworkVersion, now));
        }
    }
}
