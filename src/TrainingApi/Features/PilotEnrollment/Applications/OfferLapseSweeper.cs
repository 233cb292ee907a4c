using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// Offers from the waiting list that ran out unconfirmed lapse here: the application is withdrawn and its place offered to
/// the next in line. Background work, as the system, in a scope and trace of its own per recruitment. Each recruitment's
/// lapses run under its row lock (the lock applying and confirming take) and re-read the expired offers after taking it,
/// so any number of instances sweeping at once lapse each offer once, and a confirmation is either before the lapse or
/// refused after it.
/// </summary>
public sealed partial class OfferLapseSweeper(IServiceScopeFactory scopes, UseCaseRunner runner, TimeProvider clock, ILogger<OfferLapseSweeper> log) : BackgroundService
{
    public const string Action = "LapseOffers";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(log, e);
            }
        }
    }

    /// <summary>Lapses every offer expired by now; answers how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        List<Guid> recruitments;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow();
            recruitments = await scope.ServiceProvider.GetRequiredService<TrainingDb>().Set<Application>()
                .Where(a => a.Status == ApplicationStatus.Offered && a.OfferExpiresAt <= now).Select(a => a.RecruitmentId).Distinct().ToListAsync(ct);
        }

        var lapsed = 0;
        foreach (var recruitmentId in recruitments)
        {
            lapsed += await runner.RunAsync(Actor.System, Action, (services, token) => LapseAsync(services, recruitmentId, token), ct);
        }

        if (lapsed > 0)
        {
            Lapsed(log, lapsed);
        }

        return lapsed;
    }

    private async Task<int> LapseAsync(IServiceProvider services, Guid recruitmentId, CancellationToken ct)
    {
        var db = services.GetRequiredService<TrainingDb>();
        var events = services.GetRequiredService<EventOutbox>();
        var recruitment = await WaitingList.LockAsync(db, recruitmentId, ct);
        var now = clock.UtcNowForDatabase();
        var expired = await db.Set<Application>()
            .Where(a => a.RecruitmentId == recruitmentId && a.Status == ApplicationStatus.Offered && a.OfferExpiresAt <= now)
            .OrderBy(a => a.OfferExpiresAt).ThenBy(a => a.Id).ToListAsync(ct);
        foreach (var application in expired)
        {
            application.LapseOffer(now);
            events.Publish(new ApplicationOfferLapsed(recruitmentId, application.Id, application.JstTeryt));
        }

        recruitment.Count(-expired.Count, 0);
        await WaitingList.PromoteAsync(db, events, recruitment, expired.Count, now, ct);
        return expired.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} offer(s) of a place from a waiting list lapsed unconfirmed")]
    private static partial void Lapsed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep of lapsed offers failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
