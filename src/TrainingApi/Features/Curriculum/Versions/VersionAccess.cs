using System.Linq.Expressions;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>
/// Authors, the team and advisors see every version, drafts included. Everyone else (partners, coordinators,
/// the Ministry) sees a version once it has gone out for consultation.
/// </summary>
public sealed class VersionAccess : IAccessRule<ProgrammeVersion>
{
    private static readonly VersionStatus[] Unpublished = [VersionStatus.Draft, VersionStatus.InReview, VersionStatus.Accessible];

    public Expression<Func<ProgrammeVersion, bool>> CanSee(Caller caller) =>
        caller.Is(Roles.ProgrammeTeam) || caller.Is(Roles.Expert) || caller.Is(Roles.Advisor)
            ? AccessRules.Everything<ProgrammeVersion>()
            : v => !Unpublished.Contains(v.Status);
}
