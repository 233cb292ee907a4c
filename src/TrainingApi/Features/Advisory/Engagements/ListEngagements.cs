using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Advisory.Engagements;

public static class ListEngagements
{
    public sealed record Query(Guid? RecruitmentId, Guid? AdvisorId, EngagementStage? Stage, int Limit, string? Cursor) : IQuery<Page<EngagementView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Page<EngagementView>>
    {
        public async ValueTask<Page<EngagementView>> Handle(Query query, CancellationToken ct)
        {
            var engagements = access.Visible(db.Set<Engagement>().AsNoTracking());
            if (query.RecruitmentId is { } recruitmentId)
            {
                engagements = engagements.Where(e => e.RecruitmentId == recruitmentId);
            }

            if (query.AdvisorId is { } advisorId)
            {
                engagements = engagements.Where(e => e.AdvisorId == advisorId);
            }

            if (query.Stage is { } stage)
            {
                engagements = engagements.Where(e => e.Stage == stage);
            }

            var page = await engagements.ToKeysetPageAsync(e => e.CreatedAt, e => e.Id, query.Cursor, query.Limit, e => e, ct);
            var names = await AdvisorNames.OfAsync(db, page.Items.Select(e => e.AdvisorId), ct);
            return new Page<EngagementView>([.. page.Items.Select(e => EngagementView.From(e, names.GetValueOrDefault(e.AdvisorId, "")))], page.NextCursor);
        }
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapGet("/", async (Guid? recruitmentId, Guid? advisorId, string? stage, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(recruitmentId, advisorId, QueryEnum.Parse<EngagementStage>(stage, "stage"),
                    limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListEngagements")
            .TakesEnum<EngagementStage>("stage")
            .WithSummary("List advisory engagements")
            .WithDescription("Paged by cursor; filters `recruitmentId`, `advisorId`, `stage`. An advisor sees only the engagements assigned to them, " +
                             "a coordinator only its JST's.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<EngagementView>([EngagementView.Example], null));
}
