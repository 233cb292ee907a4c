using System.Net;
using System.Text;
using System.Text.Json;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Problems;

/// <summary>
/// Every way a client can send a value the endpoint cannot read gets a 400 (415 for a body that is not JSON) whose detail is
/// wholly in the language asked for: the value's name as the client sends it and what it must be, never the runtime's
/// English or a .NET type name.
/// </summary>
public sealed class UnreadableRequestTextsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Version = "/api/v1/versions/0b7a2a52-6c0e-4b1a-9a55-1f4c2a9d8e01/sections";
    private const string Meetings = "/api/v1/consultation-rounds/0b7a2a52-6c0e-4b1a-9a55-1f4c2a9d8e01/meetings";

    private static readonly string[] DotNetWords =
        ["Failed to bind", "int?", "Int32", "Int64", "System.", "Guid", "DateTimeOffset", "DateOnly", "Boolean", "bool?", "Nullable", "Decimal", "TrainingApi."];

    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Theory]
    [InlineData("/api/v1/programmes?limit=x", "limit", "pl", "\"limit\" musi być liczbą całkowitą 1–100.")]
    [InlineData("/api/v1/programmes?limit=x", "limit", "en", "\"limit\" must be a whole number 1–100.")]
    [InlineData("/api/v1/programmes?limit=2.5", "limit", "pl", "\"limit\" musi być liczbą całkowitą 1–100.")]
    [InlineData("/api/v1/handovers?acknowledged=perhaps", "acknowledged", "pl", "\"acknowledged\" musi być wartością true albo false.")]
    [InlineData("/api/v1/handovers?acknowledged=perhaps", "acknowledged", "en", "\"acknowledged\" must be true or false.")]
    [InlineData("/api/v1/sections-to-review?programmeId=x", "programmeId", "pl", "\"programmeId\" musi być identyfikatorem UUID.")]
    [InlineData("/api/v1/sections-to-review?programmeId=x", "programmeId", "en", "\"programmeId\" must be a UUID.")]
    [InlineData("/api/v1/catalogue/indicators?asOf=yesterday", "asOf", "pl", "\"asOf\" musi być datą w formacie RRRR-MM-DD.")]
    [InlineData("/api/v1/catalogue/indicators?asOf=yesterday", "asOf", "en", "\"asOf\" must be a date (YYYY-MM-DD).")]
    [InlineData("/api/v1/audit-entries?from=monday", "from", "pl",
        "\"from\" musi być datą i godziną w formacie ISO 8601 (2025-03-01T10:00:00+01:00).")]
    [InlineData("/api/v1/audit-entries?from=monday", "from", "en",
        "\"from\" must be a date and time in ISO 8601 (2025-03-01T10:00:00+01:00).")]
    public async Task A_query_value_that_does_not_parse_is_named_with_what_it_must_be(string url, string parameter, string language, string expected)
    {
        var response = await team.SendAsync(new HttpRequestMessage(HttpMethod.Get, url).WithHeader("Accept-Language", language));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Equal(expected, Detail(problem));
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Equal([expected], problem.ErrorsFor(parameter));
    }

    [Theory]
    [InlineData(Version, """{"anchor":"a","hours":"x"}""", "$.hours", "pl",
        "\"$.hours\" w treści żądania (wiersz 1) musi być liczbą, z kropką przed częścią ułamkową.")]
    [InlineData(Version, """{"anchor":"a","hours":"x"}""", "$.hours", "en",
        "The body's \"$.hours\" (line 1) must be a number, with a dot before any decimals.")]
    [InlineData(Version, """{"anchor":"a","position":1.5}""", "$.position", "pl",
        "\"$.position\" w treści żądania (wiersz 1) musi być liczbą całkowitą.")]
    [InlineData(Version, """{"anchor":"a","kind":"chapter"}""", "$.kind", "pl",
        "\"$.kind\" w treści żądania (wiersz 1) musi być jedną z wartości: module, unit, advisory-guideline, annex.")]
    [InlineData(Version, """{"anchor":"a","kind":"chapter"}""", "$.kind", "en",
        "The body's \"$.kind\" (line 1) must be one of: module, unit, advisory-guideline, annex.")]
    [InlineData(Meetings, """{"startsAt":"soon"}""", "$.startsAt", "pl",
        "\"$.startsAt\" w treści żądania (wiersz 1) musi być datą i godziną w formacie ISO 8601 (2025-03-01T10:00:00+01:00).")]
    [InlineData(Meetings, """{"organisationsPresent":"x"}""", "$.organisationsPresent", "pl",
        "\"$.organisationsPresent\" w treści żądania (wiersz 1) musi być listą (tablicą JSON).")]
    [InlineData(Meetings, """{"organisationsPresent":["x"]}""", "$.organisationsPresent[0]", "en",
        "The body's \"$.organisationsPresent[0]\" (line 1) must be a UUID.")]
    [InlineData(Meetings, "{\n  \"organisationsPresent\": [\"x\"]\n}", "$.organisationsPresent[0]", "pl",
        "\"$.organisationsPresent[0]\" w treści żądania (wiersz 2) musi być identyfikatorem UUID.")]
    [InlineData("/api/v1/programmes", """{"title": """, "$.title", "pl", "Treść żądania nie jest poprawnym JSON-em w wierszu 1, pozycja 11 (\"$.title\").")]
    [InlineData("/api/v1/programmes", """{"title": """, "$.title", "en", "The body is not valid JSON at line 1, position 11 (\"$.title\").")]
    [InlineData("/api/v1/programmes", "{\n  \"title\": 'x'\n}", "$.title", "pl",
        "Treść żądania nie jest poprawnym JSON-em w wierszu 2, pozycja 12 (\"$.title\").")]
    public async Task A_body_value_that_cannot_be_read_is_placed_by_path_and_line(string url, string body, string path, string language, string expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = HttpExtensions.JsonBody(body) }.WithHeader("Accept-Language", language);

        var problem = await (await team.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");

        Assert.Equal(expected, Detail(problem));
        Assert.Equal([expected], problem.ErrorsFor(path));
    }

    [Theory]
    [InlineData("pl", "Treść żądania jest wymagana: wyślij ją jako JSON.")]
    [InlineData("en", "The request body is required: send it as JSON.")]
    public async Task A_missing_body_is_asked_for(string language, string expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/programmes") { Content = new StringContent("", Encoding.UTF8, "application/json") }
            .WithHeader("Accept-Language", language);

        var problem = await (await team.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");

        Assert.Equal(expected, Detail(problem));
    }

    [Theory]
    [InlineData("pl", "Wyślij treść jako application/json.")]
    [InlineData("en", "Send the body as application/json.")]
    public async Task A_body_of_another_media_type_is_a_415_saying_which_one_to_send(string language, string expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/programmes") { Content = new StringContent("title=x", Encoding.UTF8, "text/plain") }
            .WithHeader("Accept-Language", language);

        var problem = await (await team.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        Assert.Equal(expected, Detail(problem));
    }

    private static string Detail(JsonElement problem)
    {
        var detail = problem.GetProperty("detail").GetString()!;
        foreach (var word in DotNetWords)
        {
            Assert.DoesNotContain(word, detail, StringComparison.Ordinal);
        }

        return detail;
    }
}
