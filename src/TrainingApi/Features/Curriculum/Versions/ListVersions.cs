using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum.Versions;

public static class ListVersions
{
    public sealed record VersionSummary(Guid Id, string Label, VersionStatus Status, Guid? BasedOnVersionId, DateTimeOffset CreatedAt, DateTimeOffset StatusChangedAt);

    public sealed record Query(Guid ProgrammeId, VersionStatus? Status, int Limit, string? Cursor) : IQuery<Page<VersionSummary>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Page<VersionSummary>>
    {
        public async ValueTask<Page<VersionSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Set<Programme>().AnyAsync(p => p.Id == query.ProgrammeId, cancellationToken))
            {
                throw Problem.NotFound(CurriculumModule.ProgrammeNoun, query.ProgrammeId);
            }

            var versions = access.Visible(db.Set<ProgrammeVersion>().AsNoTracking()).Where(v => v.ProgrammeId == query.ProgrammeId);
            if (query.Status is { } status)
            {
                versions = versions.Where(v => v.Status == status);
            }

            return await versions.ToKeysetPageAsync(v => v.CreatedAt, v => v.Id, query.Cursor, query.Limit,
                v => new VersionSummary(v.Id, v.Label, v.Status, v.BasedOnVersionId, v.CreatedAt, v.StatusChangedAt), cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder programmes) =>
        programmes.MapGet("/{programmeId:guid}/versions", async (Guid programmeId, string? status, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(programmeId, QueryEnum.Parse<VersionStatus>(status, "status"), limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListVersions")
            .TakesEnum<VersionStatus>("status")
            .WithSummary("List a programme's versions")
            .WithDescription("Oldest first, paged by cursor, filterable by status. Partners, coordinators and the Ministry see versions that were published (went to consultation, or on the update path to tested), never a draft superseded before that.")
            .RequireAnyRole()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<VersionSummary>(
                [new VersionSummary(VersionView.Example.Id, "1.0", VersionStatus.InConsultation, null, VersionView.Example.CreatedAt, VersionView.Example.StatusChangedAt)], null));
}
