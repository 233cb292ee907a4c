namespace TrainingApi.Common.Startup;

/// <summary>
/// Demo data of one slice, loaded when <c>DemoData:Load</c> is true so a newcomer can try every area from
/// Swagger UI. Implementations send the slices' own commands through the mediator (so invariants, events and the
/// audit apply as to anyone else's) and must be idempotent: the run command loads them on every start.
/// </summary>
public interface IDemoData
{
    /// <summary>The name others give in <see cref="After"/>: one of <see cref="DemoDataNames"/>.</summary>
    string Name { get; }

    /// <summary>The names of the loaders whose data this one builds on; they run first (see <see cref="DemoDataOrder"/>).</summary>
    IReadOnlyList<string> After => [];

    Task LoadAsync(CancellationToken ct);
}

/// <summary>
/// The names demo loaders go by. A loader may build on the data of a slice its own slice must not refer to (the curriculum
/// update makes a version tested on the pilot's evidence, while the enrollment slice builds on Curriculum), so loaders name
/// each other here rather than by type, and slices keep depending one way only.
/// </summary>
public static class DemoDataNames
{
    public const string Curriculum = "curriculum";
    public const string CurriculumUpdate = "curriculum-update";
    public const string Consultations = "consultations";
    public const string PilotEnrollment = "pilot-enrollment";
    public const string Advisory = "advisory";
    public const string SelfAssessment = "self-assessment";
    public const string Handover = "handover";
}
