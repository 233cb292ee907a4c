using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Pilot;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// The last state of an application: the JST went through the pilot. The evidence is attendance: at least one of its
/// participants reached the completion threshold of its cohort's sessions (the same computation as the cohort's
/// completion view), so "completed" in the statistics always means someone was actually trained.
/// </summary>
public static class CompleteApplication
{
    public sealed record Command(Guid Id) : ICommand<ApplicationView>;

    public sealed class Handler(TrainingDb db, TimeProvider clock, IOptions<PilotOptions> options) : ICommandHandler<Command, ApplicationView>
    {
        public async ValueTask<ApplicationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Set<Application>().Include(a => a.Participants).SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
                              ?? throw Problem.NotFound(PilotEnrollmentModule.ApplicationNoun, command.Id);
            if (application.Status != ApplicationStatus.Confirmed)
            {
                throw Problem.Conflict(new Text($"Only a confirmed application can be completed; this one is {Common.Http.QueryEnum.Name(application.Status)}.",
                    $"Zakończyć można tylko potwierdzone zgłoszenie; to ma status {Common.Http.QueryEnum.Name(application.Status)}."), "not-confirmed");
            }

            var cohortId = await db.Set<CohortApplication>().Where(c => c.ApplicationId == application.Id).Select(c => (Guid?)c.CohortId).SingleOrDefaultAsync(cancellationToken)
                           ?? throw Problem.Conflict(new Text("The JST is in no cohort yet, so nobody from it has attended the training.",
                               "JST nie należy jeszcze do żadnej grupy, więc nikt z niej nie uczestniczył w szkoleniu."), "not-in-cohort");
            var completion = await GetCohortCompletion.ComputeAsync(db, cohortId, options.Value, cancellationToken);
            if (!completion.Participants.Any(p => p.ApplicationId == application.Id && p.Completed))
            {
                var threshold = $"{completion.Threshold:P0}";
                throw Problem.Conflict(new Text(
                    $"None of the JST's participants has attended {threshold} of the cohort's {completion.Sessions} session(s) yet.",
                    $"Żaden z uczestników JST nie uczestniczył jeszcze w {threshold} spośród {completion.Sessions} zajęć grupy."), "attendance-below-threshold");
            }

            application.Complete(clock.UtcNowForDatabase());
            await db.SaveChangesAsync(cancellationToken);
            return ApplicationView.From(application);
        }
    }

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{applicationId:guid}/completion", async ([FromRoute(Name = "applicationId")] Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Command(id), ct)))
            .WithName("CompleteApplication")
            .WithSummary("Record that a JST completed the pilot")
            .WithDescription("By the programme team, for a confirmed application whose cohort's attendance shows at least one of its participants " +
                             "at the completion threshold (the completion rules: see GetCohortCompletion); 409 `not-confirmed`, `not-in-cohort` or " +
                             "`attendance-below-threshold` otherwise. Completed is final: the application can no longer be withdrawn.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status200OK, ApplicationView.Example with { Status = ApplicationStatus.Completed });
}
