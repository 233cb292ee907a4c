using System.Linq.Expressions;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Consultations.Organisations;

/// <summary>The team and the experts see every organisation; a partner system only its own; nobody else any.</summary>
public sealed class OrganisationAccess : IAccessRule<Organisation>
{
    public Expression<Func<Organisation, bool>> CanSee(Caller caller)
    {
        if (caller.Is(Roles.ProgrammeTeam) || caller.Is(Roles.Expert))
        {
            return AccessRules.Everything<Organisation>();
        }

        if (caller.Is(Roles.Partner) && caller.OrganisationId is { } own)
        {
            return o => o.Id == own;
        }

        return AccessRules.Nothing<Organisation>();
    }
}
