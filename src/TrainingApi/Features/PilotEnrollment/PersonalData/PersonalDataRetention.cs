using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.UseCases;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.PersonalData;

public sealed class RetentionOptions
{
    public const string Section = "PersonalData";

    /// <summary>
    /// After this date (the end of the project plus the archiving period its funding agreement sets) participants'
    /// personal data is erased automatically. Unset: kept until erased on request.
    /// </summary>
    public DateOnly? EraseAfter { get; set; }
}

/// <summary>Erases participants' personal data, and what other areas hold, once the retention date has passed; checks daily, on every instance (idempotent).</summary>
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

        var erased = await runner.RunAsync(Actor.System, nameof(PersonalDataRetention), (services, token) => EraseAllAsync(services, token), ct);
        Purged(log, erased);
        return erased;
    }

    private async Task<int> EraseAllAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<TrainingDb>();
        var now = clock.UtcNowForDatabase();
        var erased = await db.Set<Participant>().Where(p => p.ErasedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, Participant.ErasedMarker).SetProperty(p => p.Email, Participant.ErasedMarker)
                .SetProperty(p => p.Phone, (string?)null).SetProperty(p => p.ErasedAt, now), ct);
        // Other areas' personal data (advisors, attendees of advisory sessions) goes on the same date.
        foreach (var holder in services.GetServices<IPersonalDataHolder>())
        {
            erased += await holder.PurgeAsync(db, now, ct);
        }

        return erased;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: erased the personal data of {Count} record(s)")]
    private static partial void Purged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention purge failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
