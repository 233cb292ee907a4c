using System.Linq.Expressions;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.SelfAssessment.Rounds;

/// <summary>
/// The team sees every round; a coordinator only its JST's; an advisor the rounds of the JST it advises (an engagement
/// assigned to it); nobody else any. Invitations, progress, results, benchmark and recommendations are reached through
/// the round. Respondents never see a round: they hold a link (<see cref="Responding.RespondentLink"/>).
/// </summary>
public sealed class RoundAccess(AdvisedJst advised, IJstDirectory jsts) : IAccessRule<AssessmentRound>
{
    public Expression<Func<AssessmentRound, bool>> CanSee(Caller caller)
    {
        if (caller.Is(Roles.ProgrammeTeam))
        {
            return AccessRules.Everything<AssessmentRound>();
        }

        if (caller.Is(Roles.JstCoordinator) && jsts.Canonical(caller.Teryt) is { } teryt)
        {
            return r => r.Teryt == teryt;
        }

        if (caller.Is(Roles.Advisor) && caller.Subject is { } subject)
        {
            var advised = AdvisedJst(subject);
            return r => advised.Contains(r.Teryt);
        }

        return AccessRules.Nothing<AssessmentRound>();
    }

    /// <summary>The JST an advisor has (or had) an engagement with.</summary>
    public IQueryable<string> AdvisedJst(string subject) => advised.Of(subject);
}

public static class RoundLookup
{
    public static Task<AssessmentRound> FindAsync(Access access, TrainingDb db, Guid roundId, CancellationToken ct) =>
        access.FindVisibleAsync(db.Set<AssessmentRound>(), r => r.Id == roundId, SelfAssessmentModule.RoundNoun, roundId, ct);
}
