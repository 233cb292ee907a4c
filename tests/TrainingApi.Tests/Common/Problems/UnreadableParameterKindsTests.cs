using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Problems;

namespace TrainingApi.Tests.Common.Problems;

/// <summary>
/// The binding failures of value kinds that no endpoint of the API has today (a required query value, a header, a route
/// value, long, decimal, an enum, a repeated query value), read from the runtime's own exception for a handler bound the
/// way the API binds its endpoints (<c>ThrowOnBadRequest</c>): whichever comes next is described in the client's words too.
/// Over HTTP, the kinds the endpoints have: <see cref="UnreadableRequestTextsTests"/>.
/// </summary>
public sealed class UnreadableParameterKindsTests
{
    public enum Colour
    {
        DeepBlue,
        Red,
    }

    public static TheoryData<Delegate, string, string?, string, string, string> Failures => new()
    {
        { (long count) => count, "?count=x", null, "pl", "count", "\"count\" musi być liczbą całkowitą." },
        { (long count) => count, "?count=x", null, "en", "count", "\"count\" must be a whole number." },
        { (long count) => count, "", null, "pl", "count", "Parametr \"count\" jest wymagany." },
        { (long count) => count, "", null, "en", "count", "The parameter \"count\" is required." },
        { (decimal amount) => amount, "?amount=ten", null, "pl", "amount", "\"amount\" musi być liczbą, z kropką przed częścią ułamkową." },
        { (decimal amount) => amount, "?amount=ten", null, "en", "amount", "\"amount\" must be a number, with a dot before any decimals." },
        { (Colour colour) => colour, "?colour=green", null, "pl", "colour", "\"colour\" musi być jedną z wartości: deep-blue, red." },
        { (Colour colour) => colour, "?colour=green", null, "en", "colour", "\"colour\" must be one of: deep-blue, red." },
        { ([FromQuery] Guid[] ids) => ids, "?ids=0b7a2a52-6c0e-4b1a-9a55-1f4c2a9d8e01&ids=x", null, "pl", "ids", "Każda wartość \"ids\" musi być identyfikatorem UUID." },
        { ([FromQuery] Guid[] ids) => ids, "?ids=x", null, "en", "ids", "Each \"ids\" value must be a UUID." },
        { ([FromQuery(Name = "page-size")] int size) => size, "?page-size=ten", null, "pl", "page-size", "\"page-size\" musi być liczbą całkowitą." },
        { ([FromHeader(Name = "X-As-Of")] DateOnly asOf) => asOf, "", "tomorrow", "pl", "X-As-Of", "\"X-As-Of\" musi być datą w formacie RRRR-MM-DD." },
        { ([FromHeader(Name = "X-As-Of")] DateOnly asOf) => asOf, "", "tomorrow", "en", "X-As-Of", "\"X-As-Of\" must be a date (YYYY-MM-DD)." },
        { ([FromHeader(Name = "X-As-Of")] DateOnly asOf) => asOf, "", null, "pl", "X-As-Of", "Nagłówek \"X-As-Of\" jest wymagany." },
        { ([FromHeader(Name = "X-As-Of")] DateOnly asOf) => asOf, "", null, "en", "X-As-Of", "The header \"X-As-Of\" is required." },
        { (bool? draft) => draft, "?draft=maybe", null, "pl", "draft", "\"draft\" musi być wartością true albo false." },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_value_that_cannot_be_bound_is_described_without_dotnet_words(
        Delegate handler, string query, string? header, string language, string name, string expected)
    {
        var (failure, http) = await BindAsync(handler, query, header);

        var described = UnreadableParameter.FromRuntimeMessage(failure.Message, http);

        Assert.NotNull(described);
        Assert.Equal(name, described.Value.Name);
        Assert.Equal(expected, In(language, described.Value.Message));
    }

    [Theory]
    [InlineData("pl", "\"id\" musi być liczbą całkowitą.")]
    [InlineData("en", "\"id\" must be a whole number.")]
    public async Task A_route_value_that_does_not_parse_is_named(string language, string expected)
    {
        var (failure, http) = await BindAsync((int id) => id, "", null, ("id", "seven"));

        var described = UnreadableParameter.FromRuntimeMessage(failure.Message, http);

        Assert.Equal(expected, In(language, described!.Value.Message));
    }

    private static string In(string language, TrainingApi.Common.Localization.Text text)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            return text.ToString();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static async Task<(BadHttpRequestException, HttpContext)> BindAsync(
        Delegate handler, string query, string? header, (string Name, string Value)? route = null)
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var created = RequestDelegateFactory.Create(handler, new RequestDelegateFactoryOptions
        {
            ServiceProvider = services,
            ThrowOnBadRequest = true,
            RouteParameterNames = route is { } r ? [r.Name] : [],
        });
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.QueryString = new QueryString(query);
        if (header is not null)
        {
            http.Request.Headers["X-As-Of"] = header;
        }

        if (route is { } value)
        {
            http.Request.RouteValues[value.Name] = value.Value;
        }

        http.SetEndpoint(new Endpoint(created.RequestDelegate, new EndpointMetadataCollection(created.EndpointMetadata), "test"));
        var failure = await Assert.ThrowsAsync<BadHttpRequestException>(() => created.RequestDelegate(http));
        return (failure, http);
    }
}
