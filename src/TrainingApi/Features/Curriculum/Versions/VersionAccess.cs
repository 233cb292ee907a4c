using System.Linq.Expressions;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>
/// Authors, the team and advisors see every version, drafts included. Everyone else (partners, coordinators,
/// the Ministry) sees a version once it has gone out for consultation, and any version another slice grants them
/// (<see cref="IVersionReadGrant"/>: e.g. the draft a partner's comment was taken into).
/// </summary>
public sealed class VersionAccess(IEnumerable<IVersionReadGrant> grants) : IAccessRule<ProgrammeVersion>
{
    private static readonly VersionStatus[] Unpublished = [VersionStatus.Draft, VersionStatus.InReview, VersionStatus.Accessible];

    public Expression<Func<ProgrammeVersion, bool>> CanSee(Caller caller)
    {
        if (caller.Is(Roles.ProgrammeTeam) || caller.Is(Roles.Expert) || caller.Is(Roles.Advisor))
        {
            return AccessRules.Everything<ProgrammeVersion>();
        }

        Expression<Func<ProgrammeVersion, bool>> rule = v => !Unpublished.Contains(v.Status);
        foreach (var granted in grants.Select(g => g.VersionsGrantedTo(caller)).OfType<IQueryable<Guid>>())
        {
            Expression<Func<ProgrammeVersion, bool>> also = v => granted.Contains(v.Id);
            rule = Expression.Lambda<Func<ProgrammeVersion, bool>>(
                Expression.OrElse(rule.Body, Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(also.Parameters[0], rule.Parameters[0], also.Body)),
                rule.Parameters);
        }

        return rule;
    }
}
