namespace TrainingApi.Common.Startup;

/// <summary>
/// Demo data of one slice, loaded when <c>DemoData:Load</c> is true so a newcomer can try every area from
/// Swagger UI. Implementations send the slices' own commands through the mediator (so invariants, events and the
/// audit apply as to anyone else's) and must be idempotent: the run command loads them on every start.
/// </summary>
public interface IDemoData
{
    /// <summary>The loaders whose data this one builds on; they run first (see <see cref="DemoDataOrder"/>).</summary>
    IReadOnlyList<Type> After => [];

    Task LoadAsync(CancellationToken ct);
}
