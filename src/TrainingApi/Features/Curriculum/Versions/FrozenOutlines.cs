using System.Collections.Concurrent;

namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>
/// The part of a version past draft that never changes (its id, programme, label and sections: <see cref="ProgrammeVersion.EnsureEditable"/>
/// guards every content change), so one read serves every later caller on this instance; comment ingest asks for it with
/// every batch. Its status and the programme's title do change, so they are not in it. Keyed by version id (unique across
/// databases too), bounded: past <see cref="MaxEntries"/> versions it starts again, so memory does not grow with work.
/// </summary>
public sealed record FrozenOutline(Guid Id, Guid ProgrammeId, string Label, IReadOnlyList<OutlineSection> Sections)
{
    public const int MaxEntries = 256;

    private static readonly ConcurrentDictionary<Guid, FrozenOutline> Kept = new();

    private readonly Lazy<HashSet<string>> anchors = new(() => Sections.Select(s => s.Anchor).ToHashSet(StringComparer.Ordinal));

    /// <summary>The anchors, for membership checks of a whole batch.</summary>
    public IReadOnlySet<string> Anchors => anchors.Value;

    internal static FrozenOutline? Find(Guid versionId) => Kept.GetValueOrDefault(versionId);

    internal static FrozenOutline Keep(VersionOutline outline)
    {
        var frozen = new FrozenOutline(outline.Id, outline.ProgrammeId, outline.Label, outline.Sections);
        if (outline.Status == VersionStatus.Draft)
        {
            return frozen;
        }

        if (Kept.Count >= MaxEntries)
        {
            Kept.Clear();
        }

        return Kept.GetOrAdd(outline.Id, frozen);
    }
}
