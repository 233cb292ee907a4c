using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Features.SelfAssessment.Rounds;

/// <summary>
/// Closes the open rounds whose deadline has passed, as the system, each in a use case of its own under the round's row
/// lock (the one closing by hand takes), so any number of instances sweeping at once close each round once.
/// </summary>
public sealed partial class RoundDeadlineSweeper(
    IServiceScopeFactory scopes, UseCaseRunner runner, TimeProvider clock, IOptions<SelfAssessmentOptions> options, ILogger<RoundDeadlineSweeper> log)
    : BackgroundService
{
    public const string Action = "CloseSelfAssessmentsAtDeadline";

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

    /// <summary>Closes every round past its deadline by now; answers how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow();
            due = await scope.ServiceProvider.GetRequiredService<TrainingDb>().Set<AssessmentRound>()
                .Where(r => r.Status == SelfAssessmentStatus.Open && r.Deadline <= now).OrderBy(r => r.Deadline).Select(r => r.Id).Take(100).ToListAsync(ct);
        }

        var closed = 0;
        foreach (var roundId in due)
        {
            closed += await runner.RunAsync(Actor.System, Action, (services, token) => CloseAsync(services, roundId, token), ct);
        }

        if (closed > 0)
        {
            Closed(log, closed);
        }

        return closed;
    }

    private static async Task<int> CloseAsync(IServiceProvider services, Guid roundId, CancellationToken ct)
    {
        var db = services.GetRequiredService<TrainingDb>();
        await db.LockRowAsync<AssessmentRound>(roundId, RowLock.Update, ct);
        var round = await db.Set<AssessmentRound>().SingleAsync(r => r.Id == roundId, ct);
        if (round.IsClosed)
        {
            return 0;
        }

        await services.GetRequiredService<RoundClosing>().CloseAsync(round, AssessmentRound.ClosedAtDeadline, ct);
        return 1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} self-assessment round(s) closed at their deadline")]
    private static partial void Closed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep of self-assessment deadlines failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
