using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Events;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.UseCases;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// A first-come application is stored, then placed in a second transaction. If the instance dies in between, it
/// would wait for the next applicant's batch to place it; this sweep places such stragglers within a minute, on
/// any instance (the recruitment lock keeps it correct; an instance that finds the lock taken leaves it to the holder).
/// </summary>
public sealed partial class StrandedApplicationSweeper(IServiceScopeFactory scopes, UseCaseRunner runner, TimeProvider clock, ILogger<StrandedApplicationSweeper> log) : BackgroundService
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDb>();
        var before = clock.GetUtcNow() - Grace;
        var recruitments = await db.Set<Application>().Where(a => a.Status == ApplicationStatus.Submitted && a.SubmittedAt < before)
            .Join(db.Set<Recruitment>().Where(r => r.SelectionMode == SelectionMode.FirstCome), a => a.RecruitmentId, r => r.Id, (a, r) => r.Id)
            .Distinct().ToListAsync(ct);
        var placed = 0;
        foreach (var recruitmentId in recruitments)
        {
            placed += await runner.RunAsync(Actor.System, nameof(StrandedApplicationSweeper), async (services, token) =>
            {
                var locked = services.GetRequiredService<TrainingDb>();
                if (!await SlotAllocation.TryLockAsync(locked, recruitmentId, token))
                {
                    return 0;
                }

                var rows = await SlotAllocation.PlaceAndAnnounceAsync(services, recruitmentId, clock.UtcNowForDatabase(), token);
                return rows.Count;
            }, ct);
        }

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
