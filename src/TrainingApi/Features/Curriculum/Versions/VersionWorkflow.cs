using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>
/// Who may move a version from which status to which. Forward only: a version past draft is frozen, and a
/// change means a new draft made from it. Any live version can be superseded by the programme team.
/// </summary>
public static class VersionWorkflow
{
    private static readonly Dictionary<(VersionStatus From, VersionStatus To), string[]> Moves = new()
    {
        [(VersionStatus.Draft, VersionStatus.InReview)] = [Roles.ProgrammeTeam, Roles.Expert],
        [(VersionStatus.InReview, VersionStatus.Accessible)] = [Roles.ProgrammeTeam],
        [(VersionStatus.Accessible, VersionStatus.InConsultation)] = [Roles.ProgrammeTeam],
        [(VersionStatus.InConsultation, VersionStatus.Revised)] = [Roles.ProgrammeTeam],
        [(VersionStatus.Revised, VersionStatus.InPilot)] = [Roles.ProgrammeTeam],
        [(VersionStatus.InPilot, VersionStatus.Tested)] = [Roles.ProgrammeTeam],
    };

    public static IReadOnlyList<VersionStatus> NextFrom(VersionStatus from) =>
    [
        .. Moves.Keys.Where(m => m.From == from).Select(m => m.To),
        .. from == VersionStatus.Superseded ? Array.Empty<VersionStatus>() : [VersionStatus.Superseded],
    ];

    public static bool Exists(VersionStatus from, VersionStatus to) => NextFrom(from).Contains(to);

    public static IReadOnlyList<string> WhoMay(VersionStatus from, VersionStatus to) =>
        to == VersionStatus.Superseded ? [Roles.ProgrammeTeam] : Moves.GetValueOrDefault((from, to)) ?? [];
}
