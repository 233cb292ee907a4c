using System.Linq.Expressions;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>
/// Authors, the team and advisors see every version, drafts included. Everyone else (partners, coordinators,
/// the Ministry) sees a version once it has been published (<see cref="VersionPublication"/>) — never a draft superseded
/// before that — and any version another slice grants them (<see cref="IVersionReadGrant"/>: e.g. the draft a partner's
/// comment was taken into).
/// </summary>
public sealed class VersionAccess(TrainingDb db, IEnumerable<IVersionReadGrant> grants) : IAccessRule<ProgrammeVersion>
{
    /// <summary>Those who see every version, drafts and drafts set aside included.</summary>
    public static bool SeesDrafts(Caller caller) => caller.Is(Roles.ProgrammeTeam) || caller.Is(Roles.Expert) || caller.Is(Roles.Advisor);

    public Expression<Func<ProgrammeVersion, bool>> CanSee(Caller caller)
    {
        if (SeesDrafts(caller))
        {
            return AccessRules.Everything<ProgrammeVersion>();
        }

        var rule = VersionPublication.WasPublished(db.Set<VersionTransition>());
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
