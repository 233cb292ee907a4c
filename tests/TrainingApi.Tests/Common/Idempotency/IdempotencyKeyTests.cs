using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Idempotency;

public sealed class IdempotencyKeyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert, subject: "idempotent.expert");

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_first_answer_and_stores_once()
    {
        var key = Guid.NewGuid().ToString();

        var first = await expert.SendAsync(Create(key, "Jeden raz"));
        var second = await expert.SendAsync(Create(key, "Jeden raz"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.True(second.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.False(first.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Equal(1, await CountAsync("Jeden raz"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_problem_and_stores_nothing_new()
    {
        var key = Guid.NewGuid().ToString();
        (await expert.SendAsync(Create(key, "Pierwsza treść"))).EnsureSuccessStatusCode();

        var response = await expert.SendAsync(Create(key, "Inna treść"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal(0, await CountAsync("Inna treść"));
    }

    [Fact]
    public async Task A_retry_while_the_first_request_still_runs_is_a_409_problem_with_retry_after()
    {
        var key = Guid.NewGuid().ToString();
        // The first request, put back to "claimed and still running", as if it ran on another instance.
        var first = await expert.SendAsync(Create(key, "W toku"));
        first.EnsureSuccessStatusCode();
        await using (var db = api.Db())
        {
            await db.Context.Set<IdempotencyRecord>().Where(r => r.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Completed, false).SetProperty(r => r.CreatedAt, DateTimeOffset.UtcNow));
        }

        var response = await expert.SendAsync(Create(key, "W toku"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("idempotency-key-in-use", problem.GetProperty("code").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(1, await CountAsync("W toku"));
    }

    [Fact]
    public async Task Twenty_racing_requests_with_one_key_store_one_programme()
    {
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => expert.SendAsync(Create(key, "Wyścig kluczy"))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Equal(1, await CountAsync("Wyścig kluczy"));
    }

    [Fact]
    public async Task Keys_are_scoped_per_caller()
    {
        var key = Guid.NewGuid().ToString();
        var another = api.ClientAs(Roles.Expert, subject: "another.expert");

        (await expert.SendAsync(Create(key, "Ten sam klucz"))).EnsureSuccessStatusCode();
        var response = await another.SendAsync(Create(key, "Ten sam klucz", Features.Curriculum.CurriculumSteps.UniqueSlug()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Equal(2, await CountAsync("Ten sam klucz"));
    }

    [Fact]
    public async Task An_expired_key_can_be_used_again()
    {
        var key = Guid.NewGuid().ToString();
        (await expert.SendAsync(Create(key, "Po terminie"))).EnsureSuccessStatusCode();
        await using (var db = api.Db())
        {
            await db.Context.Set<IdempotencyRecord>().Where(r => r.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        var response = await expert.SendAsync(Create(key, "Po terminie", Features.Curriculum.CurriculumSteps.UniqueSlug()));

        Assert.False(response.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Equal(2, await CountAsync("Po terminie"));
    }

    [Fact]
    public async Task Records_are_kept_at_least_24_hours()
    {
        var key = Guid.NewGuid().ToString();
        (await expert.SendAsync(Create(key, "Doba"))).EnsureSuccessStatusCode();

        await using var db = api.Db();
        var record = await db.Context.Set<IdempotencyRecord>().SingleAsync(r => r.Key == key);
        Assert.True(record.ExpiresAt - record.CreatedAt >= TimeSpan.FromHours(24));
        Assert.Equal("sub:idempotent.expert", record.Scope);
    }

    [Theory]
    [InlineData("zawiera spację")]
    [InlineData("ż")]
    public async Task A_malformed_key_is_a_400_problem(string key)
    {
        var request = Create("placeholder", "Zły klucz");
        request.Headers.Remove(IdempotencyMiddleware.Header);
        request.Headers.TryAddWithoutValidation(IdempotencyMiddleware.Header, key);

        var response = await expert.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(0, await CountAsync("Zły klucz"));
    }

    [Fact]
    public async Task Without_a_key_a_person_creates_as_usual()
    {
        var response = await expert.PostJsonAsync("/api/v1/programmes", new { title = "Bez klucza" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static HttpRequestMessage Create(string key, string title, string? slug = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/programmes")
        {
            // The slug from the key unless given: a retry sends the same body, while two keys may create two programmes of one title.
            Content = HttpExtensions.JsonBody(System.Text.Json.JsonSerializer.Serialize(new { title, slug = slug ?? "program-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..12] })),
        };
        request.Headers.Add(IdempotencyMiddleware.Header, key);
        return request;
    }

    private async Task<int> CountAsync(string title)
    {
        await using var db = api.Db();
        return await db.Context.Set<Programme>().CountAsync(p => p.Title == title);
    }
}
