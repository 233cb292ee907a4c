using TrainingApi.Common.UseCases;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// Every minute, sends <see cref="LapseOffers"/> as the system until no offer from a waiting list is left expired
/// unconfirmed: a command, scope and trace of its own per recruitment.
/// </summary>
public sealed partial class OfferLapseSweeper(UseCaseRunner runner, TimeProvider clock, ILogger<OfferLapseSweeper> log) : BackgroundService
{
    /// <summary>The use case named in the audit entries of lapses.</summary>
    public static readonly string Action = UseCaseName.Of<LapseOffers.Command>();

    private const int MaxRecruitmentsPerSweep = 1000;

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

    /// <summary>Lapses every offer expired by now, one recruitment per command; answers how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var lapsed = 0;
        // Each command lapses what one recruitment has expired, so the loop ends when none is left; the bound only keeps a
        // fault that left offers unlapsed from looping until the next tick.
        for (var i = 0; i < MaxRecruitmentsPerSweep; i++)
        {
            if (await runner.SendAsync(Actor.System, new LapseOffers.Command(), ct) is not { } count)
            {
                break;
            }

            lapsed += count;
        }

        if (lapsed > 0)
        {
            Lapsed(log, lapsed);
        }

        return lapsed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} offer(s) of a place from a waiting list lapsed unconfirmed")]
    private static partial void Lapsed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep of lapsed offers failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
