using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace TrainingApi.Tests.Features.PilotEnrollment.Register;

public sealed class SearchJstTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient anonymous = api.CreateClient();

    [Fact]
    public async Task The_migration_loads_all_2873_rows_of_the_register()
    {
        await using var db = api.Db();

        Assert.Equal(2873, await db.Context.Set<Jst>().CountAsync());
        Assert.Equal(66, await db.Context.Set<Jst>().CountAsync(j => j.SameJstAs != null));
    }

    [Theory]
    [InlineData("lodz", "1061")]
    [InlineData("ŁÓDŹ", "1061")]
    [InlineData("bielsko-biala", "2461")]
    [InlineData("warsz", "1465")]
    public async Task A_name_prefix_finds_the_unit_whatever_the_case_and_diacritics(string name, string teryt)
    {
        var page = await (await anonymous.GetAsync($"/api/v1/jst?name={Uri.EscapeDataString(name)}&kind=miasto-na-prawach-powiatu"))
            .ShouldBeAsync<Page<SearchJst.JstView>>(HttpStatusCode.OK);

        Assert.Contains(page.Items, j => j.Teryt == teryt);
    }

    [Fact]
    public async Task A_city_with_county_rights_is_one_unit_with_two_codes()
    {
        var byGminaCode = await (await anonymous.GetAsync("/api/v1/jst?code=1465011")).ShouldBeAsync<Page<SearchJst.JstView>>(HttpStatusCode.OK);

        var warszawa = Assert.Single(byGminaCode.Items);
        Assert.Equal(("1465", "1465011", JstKind.MiastoNaPrawachPowiatu), (warszawa.Teryt, warszawa.AlternativeCode, warszawa.Kind));
    }

    [Fact]
    public async Task Filters_by_voivodeship_and_kind_and_pages_through_them_all()
    {
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await anonymous.GetAsync("/api/v1/jst?voivodeship=10&kind=powiat&limit=7" + (cursor is null ? "" : "&cursor=" + cursor)))
                .ShouldBeAsync<Page<SearchJst.JstView>>(HttpStatusCode.OK);
            seen.AddRange(page.Items.Select(j => j.Teryt));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(JstRegister.All.Count(j => j.VoivodeshipCode == "10" && j.Kind == JstKind.Powiat), seen.Count);
        Assert.All(seen, t => Assert.StartsWith("10", t, StringComparison.Ordinal));
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Theory]
    [InlineData("code=14x")]
    [InlineData("voivodeship=1")]
    [InlineData("kind=miasto")]
    [InlineData("cursor=abc")]
    public async Task Bad_filters_are_400_problems(string query)
    {
        await (await anonymous.GetAsync("/api/v1/jst?" + query)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }
}
