namespace TrainingApi.Common.Webhooks;

public sealed record WebhookSubscriptionView(
    Guid Id, Guid? OrganisationId, string Url, IReadOnlyList<string> EventTypes, string? Description, bool Active,
    string? DisabledReason, DateTimeOffset CreatedAt)
{
    public static WebhookSubscriptionView From(WebhookSubscription s) =>
        new(s.Id, s.OrganisationId, s.Url, s.EventTypes, s.Description, s.Active, s.DisabledReason, s.CreatedAt);

    public static readonly WebhookSubscriptionView Example = new(
        Guid.Parse("01936b2e-7d00-7e00-8c00-000000000003"), Guid.Parse("0190a0b0-0000-7000-8000-000000000001"),
        "https://uwagi.zmp.poznan.pl/webhooks/trainingapi", ["programme.updated", "api-key.revoked"], "System uwag ZMP",
        true, null, new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero));
}

/// <summary>The answer to subscribing: the only time the signing secret is shown.</summary>
public sealed record CreatedWebhookSubscription(WebhookSubscriptionView Subscription, string Secret)
{
    public static readonly CreatedWebhookSubscription Example = new(WebhookSubscriptionView.Example, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
}

public sealed record WebhookDeliveryView(
    Guid Id, Guid EventId, string EventType, DeliveryStatus Status, int Attempts, DateTimeOffset? LastAttemptAt,
    int? LastResponseCode, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt)
{
    public static WebhookDeliveryView From(WebhookDelivery d) => new(
        d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.LastAttemptAt, d.LastResponseCode, d.LastError,
        d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.CreatedAt, d.DeliveredAt);

    public static readonly WebhookDeliveryView Example = new(
        Guid.Parse("01936b2e-8e00-7f00-8d00-000000000004"), Guid.Parse("01936b2e-8e00-7f00-8d00-000000000005"), "programme.updated",
        DeliveryStatus.Pending, 2, new DateTimeOffset(2024, 3, 1, 8, 0, 35, TimeSpan.Zero), 503, "The receiver answered 503.",
        new DateTimeOffset(2024, 3, 1, 8, 2, 35, TimeSpan.Zero), new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero), null);
}
