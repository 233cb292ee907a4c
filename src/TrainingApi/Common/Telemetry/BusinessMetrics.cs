using System.Diagnostics.Metrics;

namespace TrainingApi.Common.Telemetry;

/// <summary>
/// The programme's own counters, one <see cref="Meter"/> ("TrainingApi") per application instance, created through
/// <see cref="IMeterFactory"/> so that each host (and each test's host) has its own. Slices count a fact with one line
/// at the point where it becomes true. Tags are small fixed sets (an outcome, an event type, a limiter): never an id, a
/// TERYT code or anything about a person.
/// </summary>
/// <remarks>
/// Placements and deliveries are counted inside their unit of work, before it commits: a unit that fails and is retried
/// by the execution strategy counts its attempt again. That is rare (a lost connection) and named in docs/operations.md.
/// </remarks>
public sealed class BusinessMetrics
{
    private readonly Counter<long> applicationsPlaced;
    private readonly Counter<long> commentsIngested;
    private readonly Counter<long> webhookAttempts;
    private readonly Counter<long> webhookFailures;
    private readonly Histogram<double> webhookLag;
    private readonly Counter<long> idempotentReplays;
    private readonly Counter<long> rateLimited;
    private readonly Counter<long> catalogueFromPrimary;
    private long outboxDepth;
    private double replicaLag = double.NaN;

    public BusinessMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.Name);
        applicationsPlaced = meter.CreateCounter<long>("trainingapi.applications.placed", "{application}",
            "Pilot applications decided by first-come placement or ranked allocation, by outcome (accepted, waitlisted).");
        commentsIngested = meter.CreateCounter<long>("trainingapi.comments.ingested", "{comment}",
            "Consultation comments stored from submissions, by source (PartnerSystem, JstCoordinator, ProgrammeTeam).");
        webhookAttempts = meter.CreateCounter<long>("trainingapi.webhook.delivery.attempts", "{attempt}",
            "Webhook delivery attempts, by event type and outcome (delivered, failed, gone).");
        webhookFailures = meter.CreateCounter<long>("trainingapi.webhook.delivery.failures", "{attempt}",
            "Webhook delivery attempts the receiver did not accept (no answer, or an answer other than 2xx), by event type.");
        webhookLag = meter.CreateHistogram<double>("trainingapi.webhook.delivery.lag", "s",
            "Seconds from an event's delivery being queued to the receiver accepting it, by event type.");
        idempotentReplays = meter.CreateCounter<long>("trainingapi.idempotency.replays", "{request}",
            "Requests answered from a stored Idempotency-Key answer instead of running again.");
        rateLimited = meter.CreateCounter<long>("trainingapi.rate_limit.rejections", "{request}",
            "Requests refused with 429, by limiter (partner: per API key across instances; address: per client address on one instance).");
        catalogueFromPrimary = meter.CreateCounter<long>("trainingapi.catalogue.primary_reads", "{read}",
            "Catalogue reads sent to the primary although a replica is configured, by reason (catching_up, unreachable, lagging).");
        meter.CreateObservableGauge("trainingapi.outbox.depth", () => Interlocked.Read(ref outboxDepth), "{event}",
            "Integration events not yet fanned out to webhook deliveries, as this instance's dispatcher last saw them.");
        meter.CreateObservableGauge("trainingapi.replica.lag", ReplicaLagMeasurements, "s",
            "How far the read replica is behind the primary, as this instance's replica monitor last measured it; no value while it does not answer.");
    }

    public void ApplicationPlaced(bool accepted) =>
        applicationsPlaced.Add(1, new KeyValuePair<string, object?>("outcome", accepted ? "accepted" : "waitlisted"));

    public void ApplicationsPlaced(int accepted, int waitlisted)
    {
        applicationsPlaced.Add(accepted, new KeyValuePair<string, object?>("outcome", "accepted"));
        applicationsPlaced.Add(waitlisted, new KeyValuePair<string, object?>("outcome", "waitlisted"));
    }

    /// <param name="source">Who sent them: PartnerSystem, JstCoordinator or ProgrammeTeam (three values).</param>
    public void CommentsIngested(int count, string source) =>
        commentsIngested.Add(count, new KeyValuePair<string, object?>("source", source));

    /// <param name="delivered">The receiver accepted it (2xx).</param>
    /// <param name="queuedFor">How long the delivery waited since it was queued; recorded for delivered attempts only.</param>
    public void WebhookAttempted(string eventType, bool delivered, bool gone, TimeSpan queuedFor)
    {
        var type = new KeyValuePair<string, object?>("event_type", eventType);
        webhookAttempts.Add(1, type, new KeyValuePair<string, object?>("outcome", delivered ? "delivered" : gone ? "gone" : "failed"));
        if (delivered)
        {
            webhookLag.Record(Math.Max(0, queuedFor.TotalSeconds), type);
        }
        else
        {
            webhookFailures.Add(1, type);
        }
    }

    public void IdempotentReplay() => idempotentReplays.Add(1);

    public void RateLimited(string limiter) => rateLimited.Add(1, new KeyValuePair<string, object?>("limiter", limiter));

    public void CatalogueReadFromPrimary(Persistence.ReplicaBypass reason) =>
        catalogueFromPrimary.Add(1, new KeyValuePair<string, object?>("reason", reason switch
        {
            Persistence.ReplicaBypass.Unreachable => "unreachable",
            Persistence.ReplicaBypass.Lagging => "lagging",
            _ => "catching_up",
        }));

    /// <summary>The read replica's lag as this instance's monitor last measured it; null while it does not answer (no value is reported).</summary>
    public void ReplicaLag(double? seconds) => Interlocked.Exchange(ref replicaLag, seconds ?? double.NaN);

    private IEnumerable<Measurement<double>> ReplicaLagMeasurements()
    {
        var lag = Volatile.Read(ref replicaLag);
        return double.IsNaN(lag) ? [] : [new Measurement<double>(lag)];
    }

    public void OutboxDepth(long depth) => Interlocked.Exchange(ref outboxDepth, depth);
}
