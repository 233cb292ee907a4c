using System.Linq.Expressions;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Advisors;

namespace TrainingApi.Features.Advisory.Engagements;

/// <summary>
/// The team sees every engagement; an advisor only those assigned to them; a coordinator only its JST's; nobody else
/// any. Everything under an engagement (diagnoses, plan, sessions, reports) is reached through it.
/// </summary>
public sealed class EngagementAccess(TrainingDb db, IJstDirectory jsts) : IAccessRule<Engagement>
{
    public Expression<Func<Engagement, bool>> CanSee(Caller caller)
    {
        if (caller.Is(Roles.ProgrammeTeam))
        {
            return AccessRules.Everything<Engagement>();
        }

        if (caller.Is(Roles.Advisor) && caller.Subject is { } subject)
        {
            var advisors = db.Set<Advisor>();
            return e => advisors.Any(a => a.Id == e.AdvisorId && a.Subject == subject);
        }

        if (caller.Is(Roles.JstCoordinator) && jsts.Canonical(caller.Teryt) is { } teryt)
        {
            return e => e.JstTeryt == teryt;
        }

        return AccessRules.Nothing<Engagement>();
    }
}
