using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Events;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.Webhooks;

public enum DeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>Every attempt of the schedule failed, or the receiver answered 410.</summary>
    Failed,
}

/// <summary>
/// One event to one subscription. Its id is the <c>webhook-id</c> header, the same on every attempt, so a
/// receiver can tell a retry from a new event.
/// </summary>
public sealed class WebhookDelivery : INotAudited
{
    public const int MaxErrorLength = 300;

    private WebhookDelivery() { }

    public WebhookDelivery(Guid subscriptionId, OutboxEvent @event, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        SubscriptionId = subscriptionId;
        EventId = @event.Id;
        EventType = @event.Type;
        Status = DeliveryStatus.Pending;
        NextAttemptAt = now;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public Guid EventId { get; private set; }
    public string EventType { get; private set; } = "";
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastResponseCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    public void Succeeded(int statusCode, DateTimeOffset now)
    {
        Attempted(statusCode, null, now);
        Status = DeliveryStatus.Delivered;
        DeliveredAt = now;
    }

    /// <summary>Schedules the next attempt, or gives up when there is none.</summary>
    public void FailedAttempt(int? statusCode, string? error, DateTimeOffset now, DateTimeOffset? nextAttempt)
    {
        Attempted(statusCode, error, now);
        if (nextAttempt is { } next)
        {
            NextAttemptAt = next;
        }
        else
        {
            Status = DeliveryStatus.Failed;
        }
    }

    /// <summary>By hand: a new round of attempts from now, under the same webhook-id.</summary>
    public void Redeliver(DateTimeOffset now)
    {
        Status = DeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }

    private void Attempted(int? statusCode, string? error, DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
        LastResponseCode = statusCode;
        LastError = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error;
    }
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries", PlatformSchema.Name);
        builder.HasKey(d => d.Id);
        builder.Property(d => d.EventType).HasMaxLength(100);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.MaxErrorLength);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OutboxEvent>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_webhook_deliveries_due");
        builder.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
    }
}
