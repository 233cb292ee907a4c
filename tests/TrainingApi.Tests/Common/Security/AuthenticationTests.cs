using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security;

public sealed class AuthenticationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Protected = "/api/v1/programmes";

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        var response = await api.ClientAs(Roles.Expert).GetAsync(Protected);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task No_credentials_is_a_401_problem_that_says_how_to_authenticate()
    {
        var response = await api.CreateClient().GetAsync(Protected);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task An_expired_token_is_a_401_problem()
    {
        var expired = TestTokens.For(Roles.Expert, lifetime: TimeSpan.FromMinutes(5), issuedAt: DateTimeOffset.UtcNow.AddHours(-2));

        var problem = await (await Send(expired)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_a_401_problem()
    {
        var problem = await (await Send(TestTokens.For(Roles.Expert, audience: "another-api"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        Assert.Contains("audience", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_signed_with_a_foreign_key_is_a_401_problem()
    {
        var foreign = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-key-the-api-has-never-seen-0123456789"));

        await (await Send(TestTokens.For(Roles.ProgrammeTeam, key: foreign))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task An_unsigned_token_with_alg_none_is_a_401_problem()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var unsigned = Part("""{"alg":"none","typ":"JWT"}""") + "." +
                       Part($$"""{"iss":"trainingapi-development","aud":"trainingapi","sub":"mallory","role":"programme-team","exp":{{exp}}}""") + ".";

        await (await Send(unsigned)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_token_claiming_the_partner_role_is_refused_because_partners_use_keys()
    {
        await (await Send(TestTokens.For(Roles.Partner))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_coordinator_token_without_a_teryt_code_is_refused()
    {
        await (await Send(TestTokens.For(Roles.JstCoordinator))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_coordinator_token_for_a_teryt_code_not_in_the_register_is_refused()
    {
        await (await Send(TestTokens.For(Roles.JstCoordinator, teryt: "9999999"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, (await Send(TestTokens.For(Roles.JstCoordinator, teryt: "1465011"))).StatusCode);
    }

    [Fact]
    public async Task A_garbage_bearer_value_is_a_401_problem()
    {
        await (await Send("not-a-jwt")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_role_the_endpoint_does_not_allow_is_a_403_problem_naming_the_allowed_roles()
    {
        var response = await api.ClientAs(Roles.Ministry).PostJsonAsync("/api/v1/programmes", new { title = "Nie wolno" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("programme-team", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_and_the_contract_need_no_credentials()
    {
        var anonymous = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/swagger/v1/swagger.json")).StatusCode);
    }

    private Task<HttpResponseMessage> Send(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Protected);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api.CreateClient().SendAsync(request);
    }
}
