using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Events;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Common.Telemetry;

namespace TrainingApi.Common.Webhooks;

/// <summary>
/// Makes one attempt of one due delivery. The delivery row stays claimed (<see cref="QueueClaims"/>) for the
/// whole attempt, so no other worker sends it at the same time; if this instance dies mid-attempt, the
/// transaction dies with it, the row is still pending, and another worker sends it (same webhook-id).
/// </summary>
public sealed partial class WebhookDeliverer(
    TrainingDb db,
    IHttpClientFactory http,
    SecretBox secrets,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    BusinessMetrics metrics,
    ILogger<WebhookDeliverer> log)
{
    public const string HttpClientName = "webhooks";

    /// <returns>False when nothing was due.</returns>
    /// <remarks>
    /// Run by <see cref="DeliverDueWebhook"/>: its transaction holds the claim for the whole attempt, and its
    /// execution strategy makes the attempt again if the database connection fails after the receiver answered.
    /// Delivery is at least once; receivers deduplicate by webhook-id.
    /// </remarks>
    public async Task<bool> DeliverNextAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var delivery = (await db.ClaimAsync(
            db.Set<WebhookDelivery>()
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now
                            && db.Set<WebhookSubscription>().Any(s => s.Id == d.SubscriptionId && s.Active))
                .OrderBy(d => d.NextAttemptAt),
            1, ct)).SingleOrDefault();
        if (delivery is null)
        {
            return false;
        }

        var subscription = await db.Set<WebhookSubscription>().SingleAsync(s => s.Id == delivery.SubscriptionId, ct);
        var payload = await db.Set<OutboxEvent>().Where(e => e.Id == delivery.EventId).Select(e => e.Payload).SingleAsync(ct);

        var outcome = await SendAsync(subscription, delivery, payload, ct);
        var attemptedAt = clock.UtcNowForDatabase();
        if (outcome.Status is >= 200 and < 300)
        {
            delivery.Succeeded(outcome.Status.Value, attemptedAt);
        }
        else if (outcome.Status == (int)HttpStatusCode.Gone)
        {
            delivery.FailedAttempt(outcome.Status, "The receiver answered 410 Gone; the subscription was disabled.", attemptedAt, null);
            subscription.DisableBecauseGone();
        }
        else
        {
            delivery.FailedAttempt(outcome.Status, outcome.Error, attemptedAt, NextAttempt(delivery.Attempts + 1, outcome.RetryAfter, attemptedAt));
        }

        metrics.WebhookAttempted(delivery.EventType, outcome.Status is >= 200 and < 300, outcome.Status == (int)HttpStatusCode.Gone, attemptedAt - delivery.CreatedAt);
        Attempted(log, delivery.Id, delivery.EventType, delivery.Attempts, outcome.Status, delivery.Status.ToString());
        return true;
    }

    private async Task<(int? Status, string? Error, TimeSpan? RetryAfter)> SendAsync(
        WebhookSubscription subscription, WebhookDelivery delivery, string payload, CancellationToken ct)
    {
        var id = delivery.Id.ToString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secrets.OpenText(subscription.ProtectedSecret), id, timestamp, payload));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - clock.GetUtcNow(),
                _ => (TimeSpan?)null,
            };
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"The receiver answered {(int)response.StatusCode}.", retryAfter);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"No answer within {options.Value.TimeoutSeconds} s.", null);
        }
        catch (HttpRequestException e)
        {
            return (null, "Could not connect: " + e.Message, null);
        }
    }

    /// <summary>The documented schedule with ±20 % jitter; a receiver's Retry-After (capped) wins; null when the schedule is spent.</summary>
    private DateTimeOffset? NextAttempt(int attemptsMade, TimeSpan? retryAfter, DateTimeOffset now)
    {
        var delays = options.Value.Schedule;
        if (attemptsMade > delays.Count)
        {
            return null;
        }

        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            return now + (asked < options.Value.MaxRetryAfter ? asked : options.Value.MaxRetryAfter);
        }

        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return now + (delays[attemptsMade - 1] * jitter);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} of {EventType}: attempt {Attempt} answered {StatusCode}, now {Status}")]
    private static partial void Attempted(ILogger logger, Guid deliveryId, string eventType, int attempt, int? statusCode, string status);
}
