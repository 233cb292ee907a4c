using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Tests.Infrastructure;

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

    /// <summary>The search runs in memory; the register table the migration loaded answers every filter the same way, page by page.</summary>
    [Theory]
    [InlineData("name=lod")]
    [InlineData("name=STAR&limit=7")]
    [InlineData("name=bielsko")]
    [InlineData("code=14&kind=gmina-wiejska&limit=50")]
    [InlineData("code=1465011")]
    [InlineData("code=2&voivodeship=24&limit=100")]
    [InlineData("kind=miasto-na-prawach-powiatu&limit=100")]
    [InlineData("voivodeship=02&name=b&limit=3")]
    public async Task The_search_in_memory_answers_as_the_register_table_does(string filter)
    {
        var query = System.Web.HttpUtility.ParseQueryString(filter);
        await using var db = api.Db();
        var units = db.Context.Set<Jst>().AsNoTracking().Where(j => j.SameJstAs == null);
        if (query["name"] is { } name)
        {
            var prefix = TrainingApi.Common.Persistence.LikePattern.StartingWith(JstNames.Normalise(name));
            units = units.Where(j => EF.Functions.Like(j.SearchName, prefix, TrainingApi.Common.Persistence.LikePattern.Escape));
        }

        if (query["code"] is { } code)
        {
            units = units.Where(j => j.Teryt.StartsWith(code) || db.Context.Set<Jst>().Any(a => a.SameJstAs == j.Teryt && a.Teryt.StartsWith(code)));
        }

        if (query["kind"] is { } kind)
        {
            var parsed = Enum.Parse<JstKind>(kind.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
            units = units.Where(j => j.Kind == parsed);
        }

        if (query["voivodeship"] is { } voivodeship)
        {
            units = units.Where(j => j.VoivodeshipCode == voivodeship);
        }

        var expected = await units.OrderBy(j => j.Teryt).Select(j => j.Teryt).ToListAsync();
        var found = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await anonymous.GetAsync($"/api/v1/jst?{filter}{(cursor is null ? "" : "&cursor=" + cursor)}"))
                .ShouldBeAsync<Page<SearchJst.JstView>>(HttpStatusCode.OK);
            found.AddRange(page.Items.Select(j => j.Teryt));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, found);
    }
}
