namespace TrainingApi.Common.Persistence;

public static class ClockExtensions
{
    /// <summary>
    /// Now, cut to whole microseconds: PostgreSQL keeps no more, and a value returned to the client must
    /// equal the one read back later (cursors and ETags depend on it).
    /// </summary>
    public static DateTimeOffset UtcNowForDatabase(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
