using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Applications;

public static class GetApplication
{
    public sealed record Query(Guid Id) : IQuery<ApplicationView>;

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, ApplicationView>
    {
        public async ValueTask<ApplicationView> Handle(Query query, CancellationToken cancellationToken) =>
            ApplicationView.From(await access.FindVisibleAsync(db.Set<Application>().AsNoTracking().Include(a => a.Participants), a => a.Id == query.Id,
                PilotEnrollmentModule.ApplicationNoun, query.Id, cancellationToken));
    }

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapGet("/{applicationId:guid}", async ([FromRoute(Name = "applicationId")] Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(id), ct)))
            .WithName("GetApplication")
            .WithSummary("Read an application")
            .WithDescription("A coordinator reads its own JST's applications only; another JST's is a 404.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, ApplicationView.Example);
}
