using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>
/// Who may move a version from which status to which, on each path. Forward only: a version past draft is frozen, and a
/// change means a new draft made from it. Any live version can be superseded by the programme team.
/// </summary>
/// <remarks>
/// The full path goes through consultation and a pilot of the version itself. The update path (a small change in law or
/// technology, or a correction, of a tested predecessor) keeps the editorial review and the accessibility check but not
/// consultation and pilot, which for such a change would be formalities: accessible → tested, on the predecessor's
/// evidence. Both end in `tested` only on evidence (<see cref="TestedEvidence"/>).
/// </remarks>
public static class VersionWorkflow
{
    private static readonly Dictionary<(VersionStatus From, VersionStatus To), string[]> Common = new()
    {
        [(VersionStatus.Draft, VersionStatus.InReview)] = [Roles.ProgrammeTeam, Roles.Expert],
        [(VersionStatus.InReview, VersionStatus.Accessible)] = [Roles.ProgrammeTeam],
    };

    private static readonly Dictionary<(VersionStatus From, VersionStatus To), string[]> Full = new(Common)
    {
        [(VersionStatus.Accessible, VersionStatus.InConsultation)] = [Roles.ProgrammeTeam],
        [(VersionStatus.InConsultation, VersionStatus.Revised)] = [Roles.ProgrammeTeam],
        [(VersionStatus.Revised, VersionStatus.InPilot)] = [Roles.ProgrammeTeam],
        [(VersionStatus.InPilot, VersionStatus.Tested)] = [Roles.ProgrammeTeam],
    };

    private static readonly Dictionary<(VersionStatus From, VersionStatus To), string[]> Update = new(Common)
    {
        [(VersionStatus.Accessible, VersionStatus.Tested)] = [Roles.ProgrammeTeam],
    };

    private static Dictionary<(VersionStatus From, VersionStatus To), string[]> Moves(VersionPath path) => path == VersionPath.Update ? Update : Full;

    public static IReadOnlyList<VersionStatus> NextFrom(VersionStatus from, VersionPath path = VersionPath.Full) =>
    [
        .. Moves(path).Keys.Where(m => m.From == from).Select(m => m.To),
        .. from == VersionStatus.Superseded ? Array.Empty<VersionStatus>() : [VersionStatus.Superseded],
    ];

    public static bool Exists(VersionStatus from, VersionStatus to, VersionPath path = VersionPath.Full) => NextFrom(from, path).Contains(to);

    public static IReadOnlyList<string> WhoMay(VersionStatus from, VersionStatus to, VersionPath path = VersionPath.Full) =>
        to == VersionStatus.Superseded ? [Roles.ProgrammeTeam] : Moves(path).GetValueOrDefault((from, to)) ?? [];
}
