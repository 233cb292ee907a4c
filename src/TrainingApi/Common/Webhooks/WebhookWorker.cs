using Microsoft.Extensions.Options;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Common.Webhooks;

/// <summary>
/// Runs in every API instance: one loop fans out new events, <see cref="WebhookOptions.Concurrency"/> loops
/// send due deliveries. All of them coordinate through PostgreSQL row locks, never through memory.
/// </summary>
public sealed partial class WebhookWorker(UseCaseRunner runner, IOptions<WebhookOptions> options, ILogger<WebhookWorker> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return Task.CompletedTask;
        }

        // Each step is a command of the system's, in a scope, trace and transaction of its own.
        var loops = new List<Task>
        {
            LoopAsync(async ct => await runner.SendAsync(Actor.System, new DispatchWebhookEvents.Command(), ct) > 0, stoppingToken),
        };
        for (var i = 0; i < Math.Max(1, options.Value.Concurrency); i++)
        {
            loops.Add(LoopAsync(ct => runner.SendAsync(Actor.System, new DeliverDueWebhook.Command(), ct), stoppingToken));
        }

        return Task.WhenAll(loops);
    }

    /// <summary>Works while there is work; otherwise waits one poll interval.</summary>
    private async Task LoopAsync(Func<CancellationToken, Task<bool>> step, CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            bool worked;
            try
            {
                worked = await step(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be unreachable for a while; nothing is lost, the rows wait.
                Failed(log, e);
                worked = false;
            }

            if (!worked)
            {
                try
                {
                    await Task.Delay(idle, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook worker step failed; retrying after the poll interval")]
    private static partial void Failed(ILogger logger, Exception exception);
}
