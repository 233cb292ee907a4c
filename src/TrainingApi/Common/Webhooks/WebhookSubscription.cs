using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.Webhooks;

/// <summary>
/// A receiver of events: a URL, the event types it wants and the secret its deliveries are signed with
/// (kept encrypted, shown once). Owned by a partner organisation, or by the programme team when it has none.
/// </summary>
public sealed class WebhookSubscription : IVersioned
{
    public const int DescriptionMaxLength = 200;

    private WebhookSubscription() { }

    public WebhookSubscription(Guid? organisationId, string url, IReadOnlyCollection<string> eventTypes, string? description, byte[] protectedSecret, DateTimeOffset now,
        string? ownerRole = null)
    {
        OwnerRole = ownerRole;
        Id = Guid.CreateVersion7(now);
        OrganisationId = organisationId;
        Url = url;
        EventTypes = [.. eventTypes];
        Description = description;
        ProtectedSecret = protectedSecret;
        Active = true;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid? OrganisationId { get; private set; }

    /// <summary>`ministry` for the Ministry's own subscriptions; null for the team's and partners' (by <see cref="OrganisationId"/>).</summary>
    public string? OwnerRole { get; private set; }
    public string Url { get; private set; } = "";
    public List<string> EventTypes { get; private set; } = [];
    public string? Description { get; private set; }
    public byte[] ProtectedSecret { get; private set; } = [];
    public bool Active { get; private set; }

    /// <summary>Why it stopped: <c>gone</c> (the receiver answered 410) or <c>by-owner</c>.</summary>
    public string? DisabledReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public void Change(string url, IReadOnlyCollection<string> eventTypes, string? description, bool active)
    {
        Url = url;
        EventTypes = [.. eventTypes];
        Description = description;
        Active = active;
        DisabledReason = active ? null : DisabledReason ?? "by-owner";
    }

    /// <summary>A 410 Gone from the receiver means "stop sending": the subscription is disabled until its owner enables it.</summary>
    public void DisableBecauseGone()
    {
        Active = false;
        DisabledReason = "gone";
    }
}

public sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions", PlatformSchema.Name);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Url).HasMaxLength(WebhookUrlPolicy.MaxUrlLength);
        builder.Property(s => s.Description).HasMaxLength(WebhookSubscription.DescriptionMaxLength);
        builder.Property(s => s.DisabledReason).HasMaxLength(20);
        builder.Property(s => s.OwnerRole).HasMaxLength(30);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasIndex(s => new { s.OrganisationId, s.CreatedAt });
    }
}
