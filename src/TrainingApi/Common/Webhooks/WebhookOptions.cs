namespace TrainingApi.Common.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Run the dispatcher and delivery worker in this instance (every instance may; they share the work).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Deliveries in flight at once per instance.</summary>
    public int Concurrency { get; set; } = 4;

    public int PollIntervalMilliseconds { get; set; } = 1000;

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Waits after the first, second, … failed attempt, each with ±20 % jitter: about 23 hours in all, then the
    /// delivery is given up (it can still be redelivered by hand).
    /// </summary>
    public static readonly TimeSpan[] DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
    ];

    /// <summary>
    /// Replaces <see cref="DefaultRetryDelays"/> when configured. Empty by default because the configuration
    /// binder appends to an array that already has items instead of replacing them.
    /// </summary>
    public TimeSpan[] RetryDelays { get; set; } = [];

    public IReadOnlyList<TimeSpan> Schedule => RetryDelays.Length > 0 ? RetryDelays : DefaultRetryDelays;

    /// <summary>A receiver's Retry-After (429, 503) is honoured up to this long.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Delivered and failed deliveries, and the events behind them, are kept this long for inspection and redelivery.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>Development and tests only: allow http:// URLs and loopback or private addresses.</summary>
    public bool AllowInsecureUrls { get; set; }
}
