using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Applications;

public static class ScoreApplication
{
    public sealed record Request(int Score, string? Note);

    public sealed record Command(Guid Id, int Score, string? Note) : ICommand<ApplicationView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Score).InclusiveBetween(0, 100);
            RuleFor(c => c.Note).MaximumLength(1000);
        }
    }

    public sealed class Handler(TrainingDb db) : ICommandHandler<Command, ApplicationView>
    {
        public async ValueTask<ApplicationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Set<Application>().Include(a => a.Participants).FirstOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
                              ?? throw Problem.NotFound(PilotEnrollmentModule.ApplicationNoun, command.Id);
            var recruitment = await db.Set<Recruitment>().AsNoTracking().SingleAsync(r => r.Id == application.RecruitmentId, cancellationToken);
            if (recruitment.SelectionMode != SelectionMode.Ranked || application.Status != ApplicationStatus.Submitted || recruitment.AllocatedAt is not null)
            {
                throw Problem.Conflict(new Text("Only submitted applications of a ranked recruitment not yet allocated are scored.",
                    "Ocenia się tylko złożone zgłoszenia w naborze rankingowym przed przydziałem miejsc."), "not-scorable");
            }

            application.Rate(command.Score, command.Note?.Trim());
            await db.SaveChangesAsync(cancellationToken);
            return ApplicationView.From(application);
        }
    }

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPut("/{applicationId:guid}/score", async ([FromRoute(Name = "applicationId")] Guid id, Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, request.Score, request.Note), ct)))
            .WithName("ScoreApplication")
            .WithSummary("Score an application of a ranked recruitment")
            .WithDescription("0–100, with a note on why; changeable until the allocation is made final.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(82, "Strategia cyfryzacji przyjęta; 24 szkoły; zespół gotowy."))
            .WithResponseExample(StatusCodes.Status200OK, ApplicationView.Example with { Status = ApplicationStatus.Submitted, Score = 82 });
}
