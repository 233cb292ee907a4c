using Microsoft.AspNetCore.Http;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Telemetry;

/// <summary>Webhook attempts, failures and lag are counted as the worker delivers, by event type and outcome.</summary>
public sealed class WebhookMetricsTests(WebhookFactory api) : IClassFixture<WebhookFactory>, IDisposable
{
    private readonly MetricRecorder metrics = new(api.Services);

    [Fact]
    public async Task A_refused_attempt_counts_as_a_failure_and_the_retry_that_succeeds_records_its_lag()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, previous) => new ReceiverAnswer(previous == 0 ? StatusCodes.Status500InternalServerError : StatusCodes.Status204NoContent);
        await api.SubscribeAsync(receiver, "programme.created");

        (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync("/api/v1/programmes", new { title = "Program z webhookiem" })).EnsureSuccessStatusCode();
        await receiver.WaitUntilAsync(r => r.Count >= 2);
        await Eventually.HoldsAsync("the delivered attempt to be counted", () => metrics.Sum("trainingapi.webhook.delivery.attempts", "outcome", "delivered") >= 1);

        Assert.Equal(1, metrics.Sum("trainingapi.webhook.delivery.attempts", "outcome", "failed"));
        Assert.Equal(1, metrics.Sum("trainingapi.webhook.delivery.attempts", "outcome", "delivered"));
        Assert.Equal(1, metrics.Sum("trainingapi.webhook.delivery.failures", "event_type", "programme.created"));
        var lag = Assert.Single(metrics.Values("trainingapi.webhook.delivery.lag", "event_type", "programme.created"));
        Assert.InRange(lag, 0.1, 30); // at least the 0.2 s retry delay (less its jitter)
    }

    public void Dispose() => metrics.Dispose();
}
