using System.Linq.Expressions;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Webhooks;

/// <summary>The programme team sees every subscription; a partner only its organisation's; the Ministry only its own.</summary>
public sealed class WebhookSubscriptionAccess : IAccessRule<WebhookSubscription>
{
    public Expression<Func<WebhookSubscription, bool>> CanSee(Caller caller)
    {
        if (caller.Is(Roles.ProgrammeTeam))
        {
            return AccessRules.Everything<WebhookSubscription>();
        }

        if (caller.Is(Roles.Ministry))
        {
            return s => s.OwnerRole == Roles.Ministry;
        }

        return caller.Is(Roles.Partner) && caller.OrganisationId is { } own
            ? s => s.OrganisationId == own
            : AccessRules.Nothing<WebhookSubscription>();
    }
}
