using System.Net;
using System.Text.Json;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security.Oidc;

/// <summary>
/// The API finds the provider through its discovery document and accepts the access tokens it issues after a sign-in (the
/// authorization code flow with PKCE), each person with the role the provider gave them.
/// </summary>
[Collection(OidcFixture.Collection)]
public sealed class ProviderTokensForEveryRoleTests(OidcFixture oidc)
{
    /// <summary>An operation the role may call, and one it may not (so the role, not just any token, was read).</summary>
    public static TheoryData<string, string, string> Probes => new()
    {
        { Roles.ProgrammeTeam, "/api/v1/audit-entries", "/api/v1/me/personal-data" },
        { Roles.Expert, "/api/v1/sections-to-review", "/api/v1/audit-entries" },
        { Roles.JstCoordinator, "/api/v1/engagements", "/api/v1/sections-to-review" },
        { Roles.Advisor, "/api/v1/engagements", "/api/v1/handovers" },
        { Roles.Ministry, "/api/v1/handovers", "/api/v1/organisations" },
    };

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task A_person_signed_in_at_the_provider_calls_the_api_with_their_role(string role, string allowed, string denied)
    {
        var api = await oidc.ApiAsync("flat");
        var client = await api.SignedInAsync(OidcFixture.Logins[role]);

        var yes = await client.GetAsync(allowed);
        var no = await client.GetAsync(denied);
        var personal = await client.GetAsync("/api/v1/me/personal-data");

        Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        if (role == Roles.ProgrammeTeam)
        {
            Assert.Equal(HttpStatusCode.OK, no.StatusCode);
        }
        else
        {
            await no.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }

        var export = JsonDocument.Parse(await personal.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(OidcFixture.Logins[role], export.GetProperty("subject").GetString());
    }
}
