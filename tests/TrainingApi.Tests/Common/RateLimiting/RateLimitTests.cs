using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Security;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.RateLimiting;

public sealed class RateLimitTests(RateLimitTests.LowLimitsFactory api) : IClassFixture<RateLimitTests.LowLimitsFactory>, IAsyncLifetime
{
    // A second instance on the same database, with the same limits and clock, as a second server behind the load balancer.
    private readonly SecondInstance second = new(api);

    public Task InitializeAsync() => second.InitializeAsync();

    public async Task DisposeAsync() => await second.DisposeAsync();

    [Fact]
    public async Task A_partner_key_limit_holds_across_instances()
    {
        var response = await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zpp}/api-keys", new { name = "two instances" });
        var key = (await response.ShouldBeAsync<IssuedApiKey>(HttpStatusCode.Created)).Secret;
        var onFirst = api.ClientWithKey(key);
        var onSecond = second.ClientWithKey(key);
        var path = $"/api/v1/organisations/{SeededOrganisations.Zpp}";

        var statuses = new List<HttpStatusCode>
        {
            (await onFirst.GetAsync(path)).StatusCode,
            (await onSecond.GetAsync(path)).StatusCode,
            (await onFirst.GetAsync(path)).StatusCode,
            (await onSecond.GetAsync(path)).StatusCode,
            (await onFirst.GetAsync(path)).StatusCode,
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_partner_key_over_its_limit_gets_a_429_problem_with_retry_after()
    {
        var partner = await api.PartnerClientAsync(SeededOrganisations.Zmp);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await partner.GetAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await last.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.InRange(last.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task Each_partner_key_has_its_own_limit()
    {
        var first = await api.PartnerClientAsync(SeededOrganisations.Zpp);
        var second = await api.PartnerClientAsync(SeededOrganisations.Zpp);
        for (var i = 0; i < 3; i++)
        {
            (await first.GetAsync($"/api/v1/organisations/{SeededOrganisations.Zpp}")).EnsureSuccessStatusCode();
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync($"/api/v1/organisations/{SeededOrganisations.Zpp}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync($"/api/v1/organisations/{SeededOrganisations.Zpp}")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_clients_over_their_limit_get_a_429_problem_while_signed_in_callers_do_not()
    {
        using var anonymous = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await anonymous.GetAsync("/api/v1/programmes")).StatusCode);
        }

        var limited = await anonymous.GetAsync("/api/v1/programmes");

        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientAs(Roles.Expert).GetAsync("/api/v1/programmes")).StatusCode);
    }

    /// <summary>
    /// Three partner requests a minute and three anonymous ones, so the limits are reached quickly; the clock
    /// stands still in the middle of a minute, so no test crosses into the next window.
    /// </summary>
    public class LowLimitsFactory : ApiFactory
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12).AddSeconds(30), TimeSpan.Zero)));

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:PartnerPerMinute"] = "3",
            ["RateLimits:AnonymousPerMinute"] = "3",
        };
    }

    /// <summary>The same limits and clock on the database of <paramref name="first"/>, sharing nothing else with it.</summary>
    public sealed class SecondInstance(ApiFactory first) : LowLimitsFactory
    {
        public override Task InitializeAsync()
        {
            SetConnectionString(first.ConnectionString);
            return Task.CompletedTask;
        }
    }
}
