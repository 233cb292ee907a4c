using Microsoft.Extensions.Options;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Common.PersonalData;

public sealed class RetentionOptions
{
    public const string Section = "PersonalData";

    /// <summary>
    /// After this date (the end of the project plus the archiving period its funding agreement sets) all the personal
    /// data every holder keeps is erased automatically. Unset: kept until erased on request.
    /// </summary>
    public DateOnly? EraseAfter { get; set; }
}

/// <summary>
/// Once the retention date has passed, has every <see cref="IPersonalDataHolder"/> erase all it holds by sending
/// <see cref="EraseExpiredPersonalData"/> as the system; checks daily, on every instance (idempotent).
/// </summary>
public sealed partial class PersonalDataRetention(UseCaseRunner runner, IOptionsMonitor<RetentionOptions> options, TimeProvider clock, ILogger<PersonalDataRetention> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), clock);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        if (options.CurrentValue.EraseAfter is not { } after || DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) <= after)
        {
            return 0;
        }

        var erased = await runner.SendAsync(Actor.System, new EraseExpiredPersonalData.Command(after), ct);
        Purged(log, erased);
        return erased;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: erased the personal data of {Count} record(s)")]
    private static partial void Purged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention purge failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
