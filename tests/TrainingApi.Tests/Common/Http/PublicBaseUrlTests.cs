using Microsoft.Extensions.Configuration;
using TrainingApi.Common.Http;

namespace TrainingApi.Tests.Common.Http;

/// <summary>The public base URL is read from configuration once; a wrong value stops the start instead of writing broken links.</summary>
public sealed class PublicBaseUrlTests
{
    private static PublicBaseUrl From(params (string Key, string Value)[] settings) =>
        PublicBaseUrl.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Theory]
    [InlineData("https://materialy.example.org", "https://materialy.example.org/api/v1/catalogue")]
    [InlineData("https://example.org/szkolenia/", "https://example.org/szkolenia/api/v1/catalogue")]
    public void A_configured_address_prefixes_every_link(string configured, string expected) =>
        Assert.Equal(expected, From(("PublicBaseUrl", configured)).For("/api/v1/catalogue"));

    [Theory]
    [InlineData("materialy.example.org")]
    [InlineData("ftp://example.org")]
    [InlineData("https://example.org/?x=1")]
    [InlineData("https://user:secret@example.org")]
    public void A_wrong_address_stops_the_start_with_a_clear_message(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(("PublicBaseUrl", configured)));
        Assert.Contains("PublicBaseUrl must be an absolute http(s) address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_it_falls_back_to_the_first_listening_address_with_a_wildcard_read_as_localhost()
    {
        var fallback = From(("urls", "http://+:5080;https://+:5443"));
        Assert.Equal(("http://localhost:5080", false), (fallback.Root, fallback.IsConfigured));
    }
}
