namespace TrainingApi.Common.Persistence;

/// <summary>The schema of the cross-cutting tables (API keys, audit log, idempotency records, rate-limit counters).</summary>
public static class PlatformSchema
{
    public const string Name = "platform";
}
