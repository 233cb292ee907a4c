using System.Linq.Expressions;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>The team sees every application; a coordinator only its own JST's (by either of its codes); nobody else any.</summary>
public sealed class ApplicationAccess(IJstDirectory jsts) : IAccessRule<Application>
{
    public Expression<Func<Application, bool>> CanSee(Caller caller)
    {
        if (caller.Is(Roles.ProgrammeTeam))
        {
            return AccessRules.Everything<Application>();
        }

        return caller.Is(Roles.JstCoordinator) && jsts.Canonical(caller.Teryt) is { } own
            ? a => a.JstTeryt == own
            : AccessRules.Nothing<Application>();
    }
}
