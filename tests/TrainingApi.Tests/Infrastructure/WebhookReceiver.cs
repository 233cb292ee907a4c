using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TrainingApi.Tests.Infrastructure;

public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, DateTimeOffset At);

/// <summary>What the receiver answers to one request.</summary>
public sealed record ReceiverAnswer(int Status, TimeSpan Delay = default, string? RetryAfter = null);

/// <summary>
/// A real HTTP server on loopback (Kestrel, port chosen by the OS) that records every webhook it receives
/// and answers as the test says, so deliveries cross a real socket.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> inFlight = new();
    private int maxInFlightPerId;

    private WebhookReceiver(WebApplication app) => this.app = app;

    /// <summary>Requests as they came in, before the receiver answered (or hung).</summary>
    public ConcurrentQueue<ReceivedWebhook> Arrived { get; } = new();

    /// <summary>Requests the receiver finished answering.</summary>
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Decides the answer from the request and how many times this webhook-id was received before it.</summary>
    public Func<ReceivedWebhook, int, ReceiverAnswer> Answer { get; set; } = (_, _) => new ReceiverAnswer(StatusCodes.Status204NoContent);

    /// <summary>The most requests with one webhook-id the receiver had open at once (1 when no duplicate overlapped).</summary>
    public int MaxInFlightPerId => Volatile.Read(ref maxInFlightPerId);

    public string Url => app.Urls.First() + "/hooks";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    public IReadOnlyList<ReceivedWebhook> For(string webhookId) => Received.Where(r => r.Id == webhookId).ToList();

    /// <summary>Waits until the condition holds on what was received, failing the test after the timeout.</summary>
    public Task<IReadOnlyList<ReceivedWebhook>> WaitUntilAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan? timeout = null) =>
        WaitUntilAsync(Received, condition, timeout);

    public Task<IReadOnlyList<ReceivedWebhook>> WaitUntilArrivedAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan? timeout = null) =>
        WaitUntilAsync(Arrived, condition, timeout);

    private static async Task<IReadOnlyList<ReceivedWebhook>> WaitUntilAsync(
        ConcurrentQueue<ReceivedWebhook> queue, Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan? timeout)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var snapshot = queue.ToList();
            if (condition(snapshot))
            {
                return snapshot;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The receiver did not get what the test waited for; it got {queue.Count} request(s).");
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var webhook = new ReceivedWebhook(request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
            request.Headers["webhook-signature"].ToString(), await reader.ReadToEndAsync(), DateTimeOffset.UtcNow);
        Arrived.Enqueue(webhook);
        var open = inFlight.AddOrUpdate(webhook.Id, 1, (_, n) => n + 1);
        InterlockedMax(ref maxInFlightPerId, open);
        try
        {
            var answer = Answer(webhook, Arrived.Count(r => r.Id == webhook.Id) - 1);
            if (answer.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(answer.Delay, request.HttpContext.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return Results.Empty; // the sender gave up or died
                }
            }

            Received.Enqueue(webhook);
            if (answer.RetryAfter is not null)
            {
                request.HttpContext.Response.Headers.RetryAfter = answer.RetryAfter;
            }

            return Results.StatusCode(answer.Status);
        }
        finally
        {
            inFlight.AddOrUpdate(webhook.Id, 0, (_, n) => n - 1);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
