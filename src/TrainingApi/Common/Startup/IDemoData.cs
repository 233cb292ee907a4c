namespace TrainingApi.Common.Startup;

/// <summary>
/// Demo data of one slice, loaded when <c>DemoData:Load</c> is true so a newcomer can try every area from
/// Swagger UI. Implementations must be idempotent: the run command loads them on every start.
/// </summary>
public interface IDemoData
{
    /// <summary>Lower runs first, for slices whose demo data refers to another's.</summary>
    int Order { get; }

    Task LoadAsync(IServiceProvider services, CancellationToken ct);
}
