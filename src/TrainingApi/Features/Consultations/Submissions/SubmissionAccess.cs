using System.Linq.Expressions;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Registrations;

namespace TrainingApi.Features.Consultations.Submissions;

/// <summary>
/// The team and the experts see every submission and comment; a partner system only its organisation's; a coordinator
/// only what its JST sent as itself; nobody else any (the published report is the public view).
/// </summary>
public sealed class SubmissionAccess(TrainingDb db, IJstDirectory jsts) : IAccessRule<Submission>, IAccessRule<Comment>, IAccessRule<MeetingRegistration>
{
    Expression<Func<MeetingRegistration, bool>> IAccessRule<MeetingRegistration>.CanSee(Caller caller) => Rule<MeetingRegistration>(caller, r => r.OrganisationId);

    Expression<Func<Submission, bool>> IAccessRule<Submission>.CanSee(Caller caller) => Rule<Submission>(caller, s => s.OrganisationId);

    Expression<Func<Comment, bool>> IAccessRule<Comment>.CanSee(Caller caller) => Rule<Comment>(caller, c => c.OrganisationId);

    private Expression<Func<T, bool>> Rule<T>(Caller caller, Expression<Func<T, Guid>> organisationOf)
    {
        if (caller.Is(Roles.ProgrammeTeam) || caller.Is(Roles.Expert))
        {
            return AccessRules.Everything<T>();
        }

        if (caller.Is(Roles.Partner) && caller.OrganisationId is { } own)
        {
            return Owned(organisationOf, o => o == own);
        }

        if (caller.Is(Roles.JstCoordinator) && jsts.Find(caller.Teryt) is { } jst)
        {
            var codes = new[] { jst.Teryt, jst.CanonicalTeryt };
            var organisations = db.Set<Organisation>();
            return Owned(organisationOf, o => organisations.Any(x => x.Id == o && x.Teryt != null && codes.Contains(x.Teryt)));
        }

        return AccessRules.Nothing<T>();
    }

    /// <summary>Composes "the row's organisation" with a test on it, so one rule serves submissions and comments.</summary>
    private static Expression<Func<T, bool>> Owned<T>(Expression<Func<T, Guid>> organisationOf, Expression<Func<Guid, bool>> test) =>
        Expression.Lambda<Func<T, bool>>(
            Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(test.Parameters[0], organisationOf.Body, test.Body),
            organisationOf.Parameters);
}
