using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingApi.Common.Security;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security;

public sealed class IssueApiKeyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task Issues_a_key_that_authenticates_the_organisation_as_partner()
    {
        var response = await team.PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zpp}/api-keys", new { name = "ZPP integracja" });

        var issued = await response.ShouldBeAsync<IssuedApiKey>(HttpStatusCode.Created);
        Assert.StartsWith("tapi." + issued.Key.Prefix + ".", issued.Secret, StringComparison.Ordinal);
        Assert.True(issued.Key.Active);
        Assert.InRange(issued.Key.ExpiresAt, DateTimeOffset.UtcNow.AddDays(364), DateTimeOffset.UtcNow.AddDays(366));

        var asPartner = await api.ClientWithKey(issued.Secret).GetAsync($"/api/v1/organisations/{SeededOrganisations.Zpp}");
        var organisation = await asPartner.ShouldBeAsync<OrganisationView>(HttpStatusCode.OK);
        Assert.Equal("ZPP", organisation.ShortName);
    }

    [Fact]
    public async Task The_key_table_holds_no_key_in_clear()
    {
        var secrets = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await team.PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zgwrp}/api-keys", new { name = $"klucz {i}" });
            secrets.Add((await response.ShouldBeAsync<IssuedApiKey>(HttpStatusCode.Created)).Secret);
        }

        // Read every column of every row as text, the way someone with a copy of the database would.
        var stored = new List<string>();
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT t::text, encode(secret_hash, 'base64'), encode(secret_hash, 'hex') FROM platform.api_keys t", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored.Add(reader.GetString(0) + reader.GetString(1) + reader.GetString(2));
        }

        Assert.True(stored.Count >= 3);
        foreach (var secret in secrets)
        {
            var secretPart = secret.Split('.')[2];
            Assert.DoesNotContain(stored, row => row.Contains(secretPart, StringComparison.Ordinal) || row.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_secret_is_not_shown_again_when_keys_are_listed()
    {
        var issued = await (await team.PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Ump}/api-keys", new { name = "UMP" }))
            .ShouldBeAsync<IssuedApiKey>(HttpStatusCode.Created);

        var listed = await team.GetStringAsync($"/api/v1/organisations/{SeededOrganisations.Ump}/api-keys");

        Assert.Contains(issued.Key.Prefix, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Secret.Split('.')[2], listed, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", listed, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(800)]
    public async Task An_expiry_in_the_past_or_over_two_years_away_is_a_400_problem(int days)
    {
        var response = await team.PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Umip}/api-keys",
            new { name = "zła data", expiresAt = DateTimeOffset.UtcNow.AddDays(days) });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("expiresAt"));
        await using var db = api.Db();
        Assert.False(await db.Context.Set<ApiKey>().AnyAsync(k => k.Name == "zła data"));
    }

    [Fact]
    public async Task An_empty_name_is_a_400_problem()
    {
        var response = await team.PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Umip}/api-keys", new { name = "" });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task An_unknown_organisation_is_a_404_problem()
    {
        var response = await team.PostJsonAsync($"/api/v1/organisations/{Guid.NewGuid()}/api-keys", new { name = "nikt" });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Only_the_programme_team_issues_keys()
    {
        var response = await api.ClientAs(Roles.Expert).PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys", new { name = "ekspert" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_partner_cannot_issue_itself_more_keys()
    {
        var partner = await api.PartnerClientAsync(SeededOrganisations.Zwrp);

        var response = await partner.PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zwrp}/api-keys", new { name = "samowola" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
