using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Common.Webhooks;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Webhooks;

/// <summary>
/// Outside Development a subscription's URL must lead to public internet addresses only: literal addresses are
/// checked against the special-purpose registries, names are resolved and every address they give is checked.
/// </summary>
public sealed class WebhookTargetsAtSubscriptionTests(StrictWebhookFactory api) : IClassFixture<StrictWebhookFactory>
{
    private const string PublicAddress = "150.254.1.1";
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Theory]
    // IPv4 special-purpose registry, one address from each block that is not globally reachable
    [InlineData("0.1.2.3")]
    [InlineData("10.20.30.40")]
    [InlineData("100.64.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("169.254.169.254")]
    [InlineData("172.31.255.254")]
    [InlineData("192.0.0.8")]
    [InlineData("192.0.2.10")]
    [InlineData("192.31.196.1")]
    [InlineData("192.52.193.1")]
    [InlineData("192.88.99.1")]
    [InlineData("192.168.1.1")]
    [InlineData("192.175.48.1")]
    [InlineData("198.19.255.1")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    // IPv6 special-purpose registry, and what lies outside global unicast 2000::/3
    [InlineData("[::]")]
    [InlineData("[::1]")]
    [InlineData("[::ffff:127.0.0.1]")]
    [InlineData("[::ffff:10.0.0.1]")]
    [InlineData("[::a00:1]")]
    [InlineData("[64:ff9b::a00:1]")]
    [InlineData("[64:ff9b:1::1]")]
    [InlineData("[100::1]")]
    [InlineData("[2001::1]")]
    [InlineData("[2001:2::1]")]
    [InlineData("[2001:db8::1]")]
    [InlineData("[2002:a00:1::1]")]
    [InlineData("[2620:4f:8000::1]")]
    [InlineData("[3fff::1]")]
    [InlineData("[5f00::1]")]
    [InlineData("[fd12:3456::1]")]
    [InlineData("[fe80::1]")]
    [InlineData("[fec0::1]")]
    [InlineData("[ff02::1]")]
    public async Task A_literal_special_purpose_address_is_refused_and_nothing_is_stored(string host) =>
        await AssertRefusedAsync($"https://{host}/hooks");

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("10.0.0.5")]
    [InlineData("198.18.0.5")]
    [InlineData("2001:db8::5")]
    [InlineData("fe80::1")]
    public async Task A_name_resolving_to_a_forbidden_address_is_refused(string address)
    {
        var name = FakeHostResolver.NewName();
        api.Resolver.Set(name, address);

        var problem = await AssertRefusedAsync($"https://{name}/hooks");

        Assert.Contains(name, problem.ErrorsFor("url").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_is_refused_when_any_one_of_its_addresses_is_forbidden()
    {
        var name = FakeHostResolver.NewName();
        api.Resolver.Set(name, PublicAddress, "2a02:2a38::1", "127.0.0.1");

        await AssertRefusedAsync($"https://{name}/hooks");
    }

    [OwnAddressFact]
    public async Task A_name_resolving_to_this_machines_own_address_is_refused()
    {
        var name = FakeHostResolver.NewName();
        api.Resolver.Set(name, FakeHostResolver.OwnInterfaceAddress()!);

        await AssertRefusedAsync($"https://{name}/hooks");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("hooks.localhost")]
    public async Task Localhost_names_are_refused_whatever_dns_says(string name)
    {
        api.Resolver.Set(name, PublicAddress);

        await AssertRefusedAsync($"https://{name}/hooks");
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_refused_with_a_clear_reason_in_polish_too()
    {
        var name = FakeHostResolver.NewName();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhook-subscriptions")
        {
            Content = HttpExtensions.JsonBody($$"""{"url":"https://{{name}}/hooks","eventTypes":["programme.created"]}"""),
        }.WithHeader("Accept-Language", "pl");

        var problem = await (await team.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal($"Nazwa {name} nie wskazuje żadnego adresu (w ciągu 3 s); zasubskrybuj, gdy będzie istniał jej rekord DNS.",
            problem.ErrorsFor("url").Single());
    }

    [Fact]
    public async Task A_name_whose_dns_does_not_answer_in_time_is_refused()
    {
        var name = FakeHostResolver.NewName();
        api.Resolver.Hang(name);

        var problem = await AssertRefusedAsync($"https://{name}/hooks");

        Assert.Contains("does not resolve", problem.ErrorsFor("url").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_addresses_and_names_resolving_only_to_them_are_accepted()
    {
        var name = FakeHostResolver.NewName();
        api.Resolver.Set(name, PublicAddress, "2a02:2a38::1");

        foreach (var url in new[] { $"https://{PublicAddress}/hooks", "https://[2a02:2a38::1]/hooks", $"https://{name}/hooks" })
        {
            var response = await team.PostJsonAsync("/api/v1/webhook-subscriptions", new { url, eventTypes = new[] { "programme.created" } });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    [Fact]
    public async Task Changing_a_subscription_to_a_forbidden_target_is_refused_and_keeps_the_old_url()
    {
        var good = FakeHostResolver.NewName();
        var bad = FakeHostResolver.NewName();
        api.Resolver.Set(good, PublicAddress);
        api.Resolver.Set(bad, "169.254.169.254");
        var created = await (await team.PostJsonAsync("/api/v1/webhook-subscriptions",
            new { url = $"https://{good}/hooks", eventTypes = new[] { "programme.created" } })).ShouldBeAsync<CreatedWebhookSubscription>(HttpStatusCode.Created);
        var etag = (await team.GetAsync($"/api/v1/webhook-subscriptions/{created.Subscription.Id}")).Headers.ETag!.Tag;

        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/webhook-subscriptions/{created.Subscription.Id}")
        {
            Content = HttpExtensions.JsonBody($$"""{"url":"https://{{bad}}/hooks","eventTypes":["programme.created"],"active":true}"""),
        }.WithHeader("If-Match", etag);
        var problem = await (await team.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        Assert.NotEmpty(problem.ErrorsFor("url"));
        await using var db = api.Db();
        Assert.Equal($"https://{good}/hooks", (await db.Context.Set<WebhookSubscription>().SingleAsync(s => s.Id == created.Subscription.Id)).Url);
    }

    private async Task<System.Text.Json.JsonElement> AssertRefusedAsync(string url)
    {
        var before = await CountSubscriptionsAsync();

        var response = await team.PostJsonAsync("/api/v1/webhook-subscriptions", new { url, eventTypes = new[] { "programme.created" } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("url"));
        Assert.Equal(before, await CountSubscriptionsAsync());
        return problem;
    }

    private async Task<int> CountSubscriptionsAsync()
    {
        await using var db = api.Db();
        return await db.Context.Set<WebhookSubscription>().CountAsync();
    }
}
