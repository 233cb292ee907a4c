namespace TrainingApi.Common.Persistence;

public static class ClockExtensions
{
    /// <summary>
    /// Now, cut to whole microseconds: PostgreSQL keeps no more, and a value returned to the client must
    /// equal the one read back later (cursors and ETags depend on it).
    /// </summary>
    public static DateTimeOffset UtcNowForDatabase(this TimeProvider clock) => clock.GetUtcNow().ForDatabase();

    /// <summary>A time a client sent, in UTC and cut to whole microseconds, for the same reason.</summary>
    public static DateTimeOffset ForDatabase(this DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10));
    }
}
