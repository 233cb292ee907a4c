namespace TrainingApi.Tests.Infrastructure;

/// <summary>A clock the test sets: for rules that depend on time windows, so a test never straddles a boundary.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
