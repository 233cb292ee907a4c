using TrainingApi.Common.UseCases;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// A first-come application is stored, then placed in a second transaction. If the instance dies in between, it
/// would wait for the next applicant's batch to place it; this sweep places such stragglers within a minute, on
/// any instance, by sending <see cref="PlaceStrandedApplications"/> as the system.
/// </summary>
public sealed partial class StrandedApplicationSweeper(UseCaseRunner runner, TimeProvider clock, ILogger<StrandedApplicationSweeper> log) : BackgroundService
{
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

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var placed = await runner.SendAsync(Actor.System, new PlaceStrandedApplications.Command(), ct);
        if (placed > 0)
        {
            Placed(log, placed);
        }

        return placed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Placed {Count} first-come application(s) left submitted by an interrupted request")]
    private static partial void Placed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep of stranded applications failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
