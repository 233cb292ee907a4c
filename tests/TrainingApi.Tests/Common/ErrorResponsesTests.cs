using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common;

/// <summary>Failures that no use case handles itself still end as problems, and say nothing about the internals.</summary>
public sealed class ErrorResponsesTests(ErrorResponsesTests.BrokenSchemaFactory api) : IClassFixture<ErrorResponsesTests.BrokenSchemaFactory>
{
    private readonly HttpClient client = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await client.GetAsync("/api/v1/no-such-thing");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    /// <summary>A public read with a malformed id matches no route: 404 like any unknown path, never 401 with a Bearer challenge.</summary>
    [Theory]
    [InlineData("/api/v1/recruitments/not-a-uuid")]
    [InlineData("/api/v1/recruitments/not-a-uuid/accepted-jst")]
    [InlineData("/api/v1/catalogue/releases/not-a-uuid")]
    [InlineData("/api/v1/catalogue/releases/not-a-uuid/files/zip")]
    [InlineData("/api/v1/catalogue/releases/not-a-uuid/pages/index.html")]
    [InlineData("/api/v1/consultation-rounds/not-a-uuid/report")]
    [InlineData("/api/v1/no-such-thing")]
    public async Task A_malformed_id_or_unknown_path_is_a_404_for_anyone(string url)
    {
        var response = await api.CreateClient().GetAsync(url);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task A_method_the_resource_does_not_have_is_a_405_problem()
    {
        var response = await client.DeleteAsync("/api/v1/programmes");

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_without_internals()
    {
        // The table this class's database lacks (see BrokenSchemaFactory) makes the query fail in a way no handler expects.
        var response = await client.GetAsync("/api/v1/programmes");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "internal-error");
        var text = problem.GetRawText();
        Assert.DoesNotContain("programmes_gone", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("relation", text, StringComparison.Ordinal);
    }

    public sealed class BrokenSchemaFactory : ApiFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var db = Db();
            await db.Context.Database.ExecuteSqlRawAsync("ALTER TABLE curriculum.programmes RENAME TO programmes_gone");
        }
    }
}
