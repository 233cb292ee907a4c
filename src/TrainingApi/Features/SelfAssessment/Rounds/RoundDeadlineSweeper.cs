using Microsoft.Extensions.Options;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Features.SelfAssessment.Rounds;

/// <summary>
/// Every <see cref="SelfAssessmentOptions.DeadlineSweepSeconds"/>, sends <see cref="CloseSelfAssessmentsAtDeadline"/> as
/// the system until no open round is past its deadline: a command, scope and trace of its own per round.
/// </summary>
public sealed partial class RoundDeadlineSweeper(
    UseCaseRunner runner, TimeProvider clock, IOptions<SelfAssessmentOptions> options, ILogger<RoundDeadlineSweeper> log)
    : BackgroundService
{
    /// <summary>A sweep's share; the rest wait for the next tick, so one sweep cannot hold the loop indefinitely.</summary>
    private const int MaxRoundsPerSweep = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.DeadlineSweepSeconds)), clock);
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

    /// <summary>Closes every round past its deadline by now (at most <see cref="MaxRoundsPerSweep"/>), one per command; answers how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var closed = 0;
        for (var i = 0; i < MaxRoundsPerSweep; i++)
        {
            if (await runner.SendAsync(Actor.System, new CloseSelfAssessmentsAtDeadline.Command(), ct) is not { } closedThis)
            {
                break;
            }

            closed += closedThis ? 1 : 0;
        }

        if (closed > 0)
        {
            Closed(log, closed);
        }

        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} self-assessment round(s) closed at their deadline")]
    private static partial void Closed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep of self-assessment deadlines failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
