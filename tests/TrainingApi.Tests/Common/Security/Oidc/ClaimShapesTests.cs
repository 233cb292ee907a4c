using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security.Oidc;

/// <summary>
/// Roles and the TERYT code as providers really put them (a string, an array, Keycloak's nested realm and client roles and
/// its groups, Entra's app roles and an extension attribute), each read through the configuration docs/authentication.md
/// gives for it, from tokens the provider issued.
/// </summary>
[Collection(OidcFixture.Collection)]
public sealed class ClaimShapesTests(OidcFixture oidc)
{
    public static TheoryData<string> ShapeNames => [.. OidcFixture.Shapes.Keys];

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public async Task The_role_is_read_from_where_the_shape_puts_it(string shape)
    {
        var api = await oidc.ApiAsync(shape);
        var expert = api.ClientWithToken(await oidc.Provider.SignInAsync("expert", OidcFixture.Shapes[shape].Client));
        var ministry = api.ClientWithToken(await oidc.Provider.SignInAsync("ministry", OidcFixture.Shapes[shape].Client));

        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync("/api/v1/sections-to-review")).StatusCode);
        await (await expert.GetAsync("/api/v1/handovers")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await ministry.GetAsync("/api/v1/handovers")).StatusCode);
        await (await ministry.GetAsync("/api/v1/sections-to-review")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public async Task A_coordinators_teryt_is_read_from_where_the_shape_puts_it(string shape)
    {
        var api = await oidc.ApiAsync(shape);
        var coordinator = api.ClientWithToken(await oidc.Provider.SignInAsync("coordinator", OidcFixture.Shapes[shape].Client));

        // Without a TERYT code of a JST in the register a coordinator's token is refused, so a 200 means it was found.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/api/v1/engagements")).StatusCode);
        await (await coordinator.GetAsync("/api/v1/handovers")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_shape_read_in_the_wrong_place_gives_no_role()
    {
        // The Keycloak-shaped token carries its roles nested; an API left at the flat default finds none there.
        var api = await oidc.ApiAsync("flat");
        var expert = api.ClientWithToken(await oidc.Provider.SignInAsync("expert", OidcFixture.Shapes["keycloak-realm-roles"].Client));

        await (await expert.GetAsync("/api/v1/sections-to-review")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
