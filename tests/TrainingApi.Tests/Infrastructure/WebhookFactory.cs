using TrainingApi.Common.Security;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// An API instance with its webhook worker running, polling often and retrying after fractions of a second
/// instead of the production schedule. Given a connection string, it joins another instance's database,
/// as a second server behind the same load balancer would.
/// </summary>
public class WebhookFactory : ApiFactory
{
    private string? sharedDatabase;

    /// <summary>Another instance on the database of <paramref name="first"/> (it neither creates nor drops it).</summary>
    public static WebhookFactory JoiningDatabaseOf(ApiFactory first, int timeoutSeconds = 1) =>
        new() { sharedDatabase = first.ConnectionString, TimeoutSeconds = timeoutSeconds };

    /// <summary>
    /// How long a delivery waits for the receiver: short, so that time-out tests are quick; a test that counts deliveries
    /// gives more, since an attempt that times out on a loaded machine is rightly sent again (delivery is at least once).
    /// </summary>
    public int TimeoutSeconds { get; init; } = 1;

    public override Task InitializeAsync()
    {
        if (sharedDatabase is null)
        {
            return base.InitializeAsync();
        }

        SetConnectionString(sharedDatabase);
        return Task.CompletedTask;
    }

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Webhooks:WorkerEnabled"] = "true",
                ["Webhooks:PollIntervalMilliseconds"] = "50",
                ["Webhooks:TimeoutSeconds"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Webhooks:Concurrency"] = "3",
            };
            for (var i = 0; i < 9; i++)
            {
                settings[$"Webhooks:RetryDelays:{i}"] = "00:00:00.2";
            }

            return settings;
        }
    }

    /// <summary>Subscribes the receiver to the event types as the programme team; returns the subscription's id and secret.</summary>
    public async Task<(Guid Id, string Secret)> SubscribeAsync(WebhookReceiver receiver, params string[] eventTypes)
    {
        var response = await ClientAs(Roles.ProgrammeTeam).PostJsonAsync("/api/v1/webhook-subscriptions", new { url = receiver.Url, eventTypes });
        var created = await response.ShouldBeAsync<TrainingApi.Common.Webhooks.CreatedWebhookSubscription>(System.Net.HttpStatusCode.Created);
        return (created.Subscription.Id, created.Secret);
    }
}
