using System.Net;
using System.Net.Sockets;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Common.Webhooks;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Webhooks;

/// <summary>
/// DNS rebinding: a subscription made while its name resolved to a public address, whose name later resolves to
/// a forbidden one. The delivery attempt fails before anything is sent, and no connection reaches this machine.
/// </summary>
public sealed class WebhookTargetsAtConnectTests(StrictWebhookFactory api) : IClassFixture<StrictWebhookFactory>, IAsyncLifetime
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);
    private readonly TcpListener listener = new(IPAddress.IPv6Any, 0);
    private int accepted;

    public Task InitializeAsync()
    {
        // Dual mode: IPv4 connections, to loopback or to any interface address, count as well.
        listener.Server.DualMode = true;
        listener.Start();
        _ = CountConnectionsAsync();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        listener.Stop();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("198.18.0.5")]
    [InlineData("100.64.0.9")]
    public async Task A_name_that_now_resolves_to_a_forbidden_address_gets_no_delivery(string address) =>
        await AssertRebindingRefusedAsync(address);

    [Fact]
    public async Task A_name_that_now_resolves_to_public_and_loopback_addresses_is_refused_as_a_whole() =>
        await AssertRebindingRefusedAsync("150.254.1.2", "127.0.0.1");

    [OwnAddressFact]
    public async Task A_name_that_now_resolves_to_this_machines_own_address_gets_no_delivery() =>
        await AssertRebindingRefusedAsync(FakeHostResolver.OwnInterfaceAddress()!);

    private async Task AssertRebindingRefusedAsync(params string[] addresses)
    {
        var name = FakeHostResolver.NewName();
        api.Resolver.Set(name, "150.254.1.1");
        var created = await (await team.PostJsonAsync("/api/v1/webhook-subscriptions",
                new { url = $"https://{name}:{((IPEndPoint)listener.LocalEndpoint).Port}/hooks", eventTypes = new[] { "programme.created" } }))
            .ShouldBeAsync<CreatedWebhookSubscription>(HttpStatusCode.Created);
        api.Resolver.Set(name, addresses);

        await api.ClientAs(Roles.Expert).PostJsonAsync("/api/v1/programmes", new { title = "Program po zmianie DNS", slug = CurriculumSteps.UniqueSlug() });

        var delivery = await WaitForFailedAttemptAsync(created.Subscription.Id);
        Assert.Equal(0, Volatile.Read(ref accepted));
        Assert.Null(delivery.LastResponseCode);
        Assert.Contains("not a public internet address", delivery.LastError, StringComparison.Ordinal);
    }

    private async Task<WebhookDeliveryView> WaitForFailedAttemptAsync(Guid subscription) =>
        (await Eventually.ValueAsync("the delivery to be attempted twice", async () =>
            (await (await team.GetAsync($"/api/v1/webhook-subscriptions/{subscription}/deliveries?limit=100"))
                .ShouldBeAsync<Page<WebhookDeliveryView>>(HttpStatusCode.OK)).Items.FirstOrDefault(d => d.Attempts >= 2),
            delivery => delivery is not null))!;

    private async Task CountConnectionsAsync()
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref accepted);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // the listener was stopped
        }
    }
}
