using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.SelfAssessment.Rounds;

public static class ListRounds
{
    public sealed record Query(string? Teryt, SelfAssessmentStatus? Status, int Limit, string? Cursor) : IQuery<Page<SelfAssessmentView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Page<SelfAssessmentView>>
    {
        public async ValueTask<Page<SelfAssessmentView>> Handle(Query query, CancellationToken ct)
        {
            var rounds = access.Visible(db.Set<AssessmentRound>().AsNoTracking());
            if (query.Teryt is { } teryt)
            {
                var canonical = PilotEnrollment.Register.JstRegister.Canonical(teryt) ?? teryt;
                rounds = rounds.Where(r => r.Teryt == canonical);
            }

            if (query.Status is { } status)
            {
                rounds = rounds.Where(r => r.Status == status);
            }

            var page = await rounds.ToKeysetPageAsync(r => r.StartedAt, r => r.Id, query.Cursor, query.Limit, r => r, ct);
            var progress = await SelfAssessmentView.ProgressAsync(db, [.. page.Items.Select(r => r.Id)], ct);
            return new Page<SelfAssessmentView>([.. page.Items.Select(r => SelfAssessmentView.From(r, progress.GetValueOrDefault(r.Id, SelfAssessmentView.NoProgress)))], page.NextCursor);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/", async (string? teryt, string? status, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(teryt, QueryEnum.Parse<SelfAssessmentStatus>(status, "status"), limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListSelfAssessments")
            .TakesEnum<SelfAssessmentStatus>("status")
            .WithSummary("List self-assessment rounds")
            .WithDescription("Oldest first, paged by cursor; filters `teryt` and `status`. A coordinator sees its own JST's rounds only, an advisor " +
                             "those of the JST it advises, the team all.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<SelfAssessmentView>([SelfAssessmentView.Example], null));
}
