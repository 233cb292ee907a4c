using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations;

/// <summary>
/// The API with a clock the consultation tests move (into a round, past its close). Tokens are still checked
/// against real time, so the clock stays near now.
/// </summary>
public class ConsultationsFactory : ApiFactory
{
    public FixedClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>The calls consultation tests make to set the scene, over HTTP.</summary>
public sealed class ConsultationSteps(ConsultationsFactory api)
{
    public static readonly string[] Anchors = ["modul-1", "modul-2", "modul-2-1", "wytyczne"];

    public HttpClient Team { get; } = api.ClientAs(Roles.ProgrammeTeam);
    public HttpClient Expert { get; } = api.ClientAs(Roles.Expert);

    /// <summary>A programme version with two modules (one with a unit) and a guideline section, moved to in-consultation.</summary>
    public async Task<VersionView> VersionInConsultationAsync(string title = "Program konsultowany")
    {
        var curriculum = new CurriculumSteps(Team);
        var programme = await curriculum.ProgrammeAsync(title);
        var version = await curriculum.VersionAsync(programme.Id, "1.0");
        await curriculum.SectionAsync(version.Id, "modul-1", title: "Strategia cyfryzacji szkół", hours: 4);
        await curriculum.SectionAsync(version.Id, "modul-2", title: "Cyberbezpieczeństwo", hours: 6);
        await curriculum.SectionAsync(version.Id, "modul-2-1", kind: "unit", parent: "modul-2", title: "Role w JST", hours: 2);
        await curriculum.SectionAsync(version.Id, "wytyczne", kind: "advisory-guideline", title: "Wytyczne do doradztwa");
        await curriculum.MoveAlongAsync(version.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation);
        return version;
    }

    /// <summary>A round open now (by the factory's clock) until <paramref name="days"/> from now.</summary>
    public async Task<RoundView> OpenRoundAsync(Guid? versionId = null, int days = 14)
    {
        var version = versionId ?? (await VersionInConsultationAsync()).Id;
        return await (await Team.PostJsonAsync("/api/v1/consultation-rounds", new
        {
            versionId = version, title = "Konsultacje z korporacjami samorządowymi",
            opensAt = api.Clock.Now.AddHours(-1), closesAt = api.Clock.Now.AddDays(days),
        })).ShouldBeAsync<RoundView>(HttpStatusCode.Created);
    }

    public static object Comment(string? anchor = "modul-2", string content = "Brakuje opisu ról w JST.", string? proposedChange = "Dodać jednostkę o rolach.",
        string? justification = "Małe gminy nie mają informatyków.", string? memberJst = null, string? quote = null) =>
        new { anchor, quote, content, proposedChange, justification, memberJst };

    /// <summary>Comments with distinct texts over every anchor and general.</summary>
    public static object[] Comments(int count, string prefix = "Uwaga") =>
        [.. Enumerable.Range(1, count).Select(i => Comment(i % 5 == 0 ? null : Anchors[i % Anchors.Length], $"{prefix} {i}: treść do rozważenia.",
            $"Propozycja {i}", $"Uzasadnienie {i}"))];

    public static HttpRequestMessage Submission(Guid roundId, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/consultation-rounds/{roundId}/submissions")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(body, HttpExtensions.Json)),
        };
        return idempotencyKey is null ? request : request.WithHeader("Idempotency-Key", idempotencyKey);
    }

    public static async Task<SubmissionView> SubmitAsync(HttpClient client, Guid roundId, object body, string? idempotencyKey = null) =>
        await (await client.SendAsync(Submission(roundId, body, idempotencyKey ?? Guid.NewGuid().ToString()))).ShouldBeAsync<SubmissionView>(HttpStatusCode.Created);

    /// <summary>Comments the team enters on ZMP's behalf.</summary>
    public Task<SubmissionView> TeamSubmitsAsync(Guid roundId, Guid organisationId, params object[] comments) =>
        SubmitAsync(Team, roundId, new { organisationId, comments });

    public async Task<(CommentView Comment, EntityTagHeaderValue ETag)> ReadCommentAsync(Guid commentId, HttpClient? client = null)
    {
        var response = await (client ?? Team).GetAsync($"/api/v1/consultation-comments/{commentId}");
        return (await response.ShouldBeAsync<CommentView>(HttpStatusCode.OK), response.Headers.ETag!);
    }

    public async Task<HttpResponseMessage> DisposeAsync(Guid commentId, string disposition = "accepted", string response = "Uwzględniono w wersji 1.1.",
        HttpClient? client = null)
    {
        var (_, etag) = await ReadCommentAsync(commentId);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-comments/{commentId}/disposition")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(new { disposition, response }, HttpExtensions.Json)),
        };
        request.Headers.IfMatch.Add(etag);
        return await (client ?? Expert).SendAsync(request);
    }

    /// <summary>Gives every comment of the round a disposition, moves the clock past the close and publishes the report.</summary>
    public async Task CloseAndPublishAsync(RoundView round)
    {
        api.Clock.Now = round.ClosesAt.AddMinutes(1);
        (await Team.PostAsync($"/api/v1/consultation-rounds/{round.Id}/report/publication", null)).EnsureSuccessStatusCode();
    }
}
