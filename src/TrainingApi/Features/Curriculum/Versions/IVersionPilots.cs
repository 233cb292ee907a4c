namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>A pilot (recruitment) that tests a version, as the evidence for `tested` counts it.</summary>
/// <param name="CompletedJst">Applications of the pilot marked completed (the JST finished the training).</param>
/// <param name="Evaluations">Module evaluations recorded by its cohorts.</param>
public sealed record PilotOfVersion(Guid RecruitmentId, string Title, int Cohorts, int CompletedJst, int Evaluations)
{
    /// <summary>Evidence that tests a version: some JST completed the training and evaluations were recorded.</summary>
    public bool IsComplete => CompletedJst > 0 && Evaluations > 0;
}

/// <summary>
/// Curriculum's question to the slice that runs pilots: which pilots test this version, with their completions and
/// evaluations. Curriculum declares it and PilotEnrollment answers it (it already depends on Curriculum), so that
/// Curriculum never names the enrollment slice, as with <see cref="IVersionReadGrant"/>.
/// </summary>
public interface IVersionPilots
{
    /// <summary>Every pilot (recruitment) that tests the version, most completed first.</summary>
    Task<IReadOnlyList<PilotOfVersion>> ForVersionAsync(Guid versionId, CancellationToken ct);
}
