using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TrainingApi.Tests.Infrastructure;

public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, DateTimeOffset At);

/// <summary>
/// What the receiver answers to one request: it answers once <paramref name="HeldUntil"/> completes (at once when null),
/// or gives up when the sender hangs up first.
/// </summary>
public sealed record ReceiverAnswer(int Status, Task? HeldUntil = null, string? RetryAfter = null)
{
    /// <summary>A receiver that never answers: the sender's time-out, or its death, ends the request.</summary>
    public static Task Never => new TaskCompletionSource().Task;
}

/// <summary>
/// A real HTTP server on loopback (Kestrel, port chosen by the OS) that records every webhook it receives
/// and answers as the test says, so deliveries cross a real socket.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> inFlight = new();
    private readonly Signal changed = new();
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

    /// <summary>Waits, woken by each request, until the condition holds on what was received, failing the test after the timeout.</summary>
    public Task<IReadOnlyList<ReceivedWebhook>> WaitUntilAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan? timeout = null) =>
        WaitUntilAsync("answered", Received, condition, timeout);

    public Task<IReadOnlyList<ReceivedWebhook>> WaitUntilArrivedAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan? timeout = null) =>
        WaitUntilAsync("arrived", Arrived, condition, timeout);

    private Task<IReadOnlyList<ReceivedWebhook>> WaitUntilAsync(
        string which, ConcurrentQueue<ReceivedWebhook> queue, Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan? timeout) =>
        Eventually.ValueAsync($"the webhooks {which} at the receiver to be what the test expects",
            () => Task.FromResult<IReadOnlyList<ReceivedWebhook>>(queue.ToList()), condition, timeout, () => changed.Next);

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var webhook = new ReceivedWebhook(request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
            request.Headers["webhook-signature"].ToString(), await reader.ReadToEndAsync(), DateTimeOffset.UtcNow);
        Arrived.Enqueue(webhook);
        changed.Pulse();
        var open = inFlight.AddOrUpdate(webhook.Id, 1, (_, n) => n + 1);
        InterlockedMax(ref maxInFlightPerId, open);
        try
        {
            var answer = Answer(webhook, Arrived.Count(r => r.Id == webhook.Id) - 1);
            if (answer.HeldUntil is { } release)
            {
                try
                {
                    await release.WaitAsync(request.HttpContext.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return Results.Empty; // the sender gave up or died
                }
            }

            Received.Enqueue(webhook);
            changed.Pulse();
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
