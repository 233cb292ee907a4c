using Microsoft.Extensions.Options;
using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Webhooks;

public static class WebhookEndpoints
{
    public const string Tag = "Webhooks";

    public static readonly Text SubscriptionNoun = new("webhook subscription", "subskrypcja webhooka");

    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApiTag(Tag, "Event notifications: the event types, subscriptions with their signing secret, and the deliveries made.");
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<EventCatalogue>();
        services.AddScoped<EventOutbox>();
        services.AddSingleton<IWebhookHostResolver, DnsWebhookHostResolver>();
        services.AddSingleton<WebhookUrlPolicy>();
        services.AddScoped<IAccessRule<WebhookSubscription>, WebhookSubscriptionAccess>();
        services.AddScoped<WebhookDispatcher>();
        services.AddScoped<WebhookDeliverer>();
        services.AddHttpClient(WebhookDeliverer.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // A receiver that redirects could point deliveries anywhere; it must answer at its own URL.
                AllowAutoRedirect = false,
                ConnectCallback = provider.GetRequiredService<WebhookUrlPolicy>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .ConfigureHttpClient((provider, client) =>
            {
                client.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds + 5);
                client.DefaultRequestHeaders.UserAgent.ParseAdd("TrainingApi-Webhooks/1");
            });
        services.AddHostedService<WebhookWorker>();
        return services;
    }

    public static void MapWebhooks(this IEndpointRouteBuilder app)
    {
        ListEventTypes.Map(app.MapGroup("/api/v1/event-types").WithTags(Tag));
        var subscriptions = app.MapGroup("/api/v1/webhook-subscriptions").WithTags(Tag);
        CreateWebhookSubscription.Map(subscriptions);
        ListWebhookSubscriptions.Map(subscriptions);
        GetWebhookSubscription.Map(subscriptions);
        UpdateWebhookSubscription.Map(subscriptions);
        DeleteWebhookSubscription.Map(subscriptions);
        ListWebhookDeliveries.Map(subscriptions);
        RedeliverWebhook.Map(subscriptions);
    }
}
