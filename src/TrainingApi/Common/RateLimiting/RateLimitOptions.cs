namespace TrainingApi.Common.RateLimiting;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests per minute per partner API key, counted in PostgreSQL so the limit holds across instances.</summary>
    public int PartnerPerMinute { get; set; } = 600;

    /// <summary>Requests per minute per client address without credentials, counted per instance.</summary>
    public int AnonymousPerMinute { get; set; } = 120;
}
