using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.SelfAssessment.Invitations;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment.Responding;

/// <summary>
/// Finds the invitation a link's secret opens. Every way a link can be dead (never made, mistyped, expired, revoked,
/// submitted, its round closed or past its deadline) is one indexed query that finds nothing, answered by the same 404:
/// same body, same path through the code, so neither the answer nor its timing tells a guesser anything.
/// </summary>
public static class RespondentLink
{
    public static readonly Text NotFoundDetail = new(
        "This link does not lead to a questionnaire you can answer: it may be mistyped, expired, revoked or already used, or its round may be closed.",
        "Ten link nie prowadzi do ankiety, którą można wypełnić: może być błędny, wygasły, cofnięty lub już użyty albo runda została zamknięta.");

    public const string NotFoundCode = "link-not-found";

    public static ProblemException NotFound() => Problem.NotFound(NotFoundDetail, code: NotFoundCode);

    public sealed record Opened(Invitation Invitation, AssessmentRound Round);

    public static async Task<Opened> FindAsync(TrainingDb db, string token, DateTimeOffset now, CancellationToken ct) =>
        await FindOrNullAsync(db, InvitationSecret.Hash(token), now, ct) ?? throw NotFound();

    /// <summary>
    /// For a change: the round shared-locked (closing waits for it, and it for closing) and the invitation locked, then read
    /// again. A link already submitted is 409 here rather than 404: only its holder can ask, and they learn only what they did.
    /// </summary>
    public static async Task<Opened> ForChangeAsync(TrainingDb db, string token, DateTimeOffset now, CancellationToken ct)
    {
        var hash = InvitationSecret.Hash(token);
        if (await FindOrNullAsync(db, hash, now, ct) is { } found)
        {
            await db.LockRowAsync<AssessmentRound>(found.Round.Id, RowLock.Share, ct);
            await db.LockRowAsync<Invitation>(found.Invitation.Id, RowLock.Update, ct);
            db.ChangeTracker.Clear();
            if (await FindOrNullAsync(db, hash, now, ct) is { } locked)
            {
                return locked;
            }
        }

        if (await db.Set<Invitation>().AnyAsync(i => i.TokenHash == hash && i.SubmittedAt != null, ct))
        {
            throw Problem.Conflict(new Text("These answers were submitted; they can no longer change.",
                "Te odpowiedzi zostały już przesłane i nie można ich zmienić."), "answers-submitted");
        }

        throw NotFound();
    }

    private static Task<Opened?> FindOrNullAsync(TrainingDb db, byte[] hash, DateTimeOffset now, CancellationToken ct) =>
        (from i in db.Set<Invitation>()
         join r in db.Set<AssessmentRound>() on i.RoundId equals r.Id
         where i.TokenHash == hash && i.RevokedAt == null && i.SubmittedAt == null && i.ExpiresAt > now
               && r.Status == SelfAssessmentStatus.Open && r.Deadline > now
         select new Opened(i, r)).FirstOrDefaultAsync(ct);
}
