namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>
/// The two ways a version becomes tested (docs/curriculum.md): the full path through consultation and a pilot of the
/// version itself, or the update path for a small change of a tested predecessor, which carries its pilot evidence.
/// </summary>
public enum VersionPath
{
    Full,
    Update,
}

/// <summary>Why a version takes the update path; one of these or the full path.</summary>
public enum UpdateReason
{
    /// <summary>A law or regulation the materials cite or follow changed.</summary>
    ChangeInLaw,

    /// <summary>A technology, service or product the materials describe changed.</summary>
    ChangeInTechnology,

    /// <summary>An error in the text (a wrong figure, a broken reference) is corrected.</summary>
    Correction,
}
