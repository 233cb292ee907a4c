namespace TrainingApi.Common.RateLimiting;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests per minute per partner API key, counted in PostgreSQL so the limit holds across instances.</summary>
    public int PartnerPerMinute { get; set; } = 600;

    /// <summary>
    /// How many of an instance's hits of a partner key are written to PostgreSQL at once (and at least once a second; one
    /// by one when the key is within this many of its limit). An instance alone counts exactly; with N instances a key may
    /// get up to (N − 1) × (this − 1) requests over its limit in a minute. 1 writes every hit.
    /// </summary>
    public int PartnerCountEvery { get; set; } = 10;

    /// <summary>Requests per minute per client address without credentials, counted per instance.</summary>
    public int AnonymousPerMinute { get; set; } = 120;
}
