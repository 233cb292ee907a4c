using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.Events;

/// <summary>
/// An event in the transactional outbox: inserted by the same SaveChanges, in the same transaction, as the
/// change it reports; turned into webhook deliveries by the worker afterwards.
/// </summary>
public sealed class OutboxEvent : INotAudited
{
    private OutboxEvent() { }

    public OutboxEvent(string type, int version, string payload, Guid? audienceOrganisationId, DateTimeOffset occurredAt, Guid id)
    {
        Id = id;
        Type = type;
        Version = version;
        Payload = payload;
        AudienceOrganisationId = audienceOrganisationId;
        OccurredAt = occurredAt;
    }

    public Guid Id { get; private set; }
    public string Type { get; private set; } = "";
    public int Version { get; private set; }

    /// <summary>The whole JSON body a receiver gets (envelope and data), fixed when the event happens.</summary>
    public string Payload { get; private set; } = "{}";

    /// <summary>When set, only this organisation's subscriptions (and the programme team's) receive it.</summary>
    public Guid? AudienceOrganisationId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; set; }
}

public sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.ToTable("outbox_events", PlatformSchema.Name);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.Payload).HasColumnType("jsonb");
        // The dispatcher's queue: only undispatched events are in this index.
        builder.HasIndex(e => e.OccurredAt).HasFilter("dispatched_at IS NULL").HasDatabaseName("ix_outbox_events_undispatched");
    }
}
