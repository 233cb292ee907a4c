using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Webhooks;

/// <summary>
/// Runs in every API instance: one loop fans out new events, <see cref="WebhookOptions.Concurrency"/> loops
/// send due deliveries. All of them coordinate through PostgreSQL row locks, never through memory.
/// </summary>
public sealed partial class WebhookWorker(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, ILogger<WebhookWorker> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return Task.CompletedTask;
        }

        var loops = new List<Task> { LoopAsync(DispatchAsync, stoppingToken) };
        for (var i = 0; i < Math.Max(1, options.Value.Concurrency); i++)
        {
            loops.Add(LoopAsync((s, ct) => s.GetRequiredService<WebhookDeliverer>().DeliverNextAsync(ct), stoppingToken));
        }

        return Task.WhenAll(loops);
    }

    private static async Task<bool> DispatchAsync(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<WebhookDispatcher>().DispatchBatchAsync(ct) > 0;

    /// <summary>Works while there is work; otherwise waits one poll interval.</summary>
    private async Task LoopAsync(Func<IServiceProvider, CancellationToken, Task<bool>> step, CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            bool worked;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                worked = await step(scope.ServiceProvider, stoppingToken);
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
