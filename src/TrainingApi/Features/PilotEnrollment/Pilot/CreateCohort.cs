using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class CreateCohort
{
    /// <param name="ApplicationIds">The applications that are not accepted or confirmed applications of this recruitment.</param>
    public sealed record ApplicationsNotInPilotMembers(IReadOnlyList<Guid> ApplicationIds);

    public static readonly ProblemShape<ApplicationsNotInPilotMembers> ApplicationsNotInPilot = new("applications-not-in-pilot");

    public sealed record Request(string Name, [property: Required] IReadOnlyList<Guid> ApplicationIds);

    public sealed record CohortView(Guid Id, Guid RecruitmentId, string Name, IReadOnlyList<Guid> ApplicationIds, int Participants);

    public sealed record Command(Guid RecruitmentId, string Name, IReadOnlyList<Guid> ApplicationIds) : ICommand<CohortView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.ApplicationIds).NotEmpty().MaximumItems(100).Must(ids => ids is null || ids.Distinct().Count() == ids.Count);
        }
    }

    public sealed class Handler(TrainingDb db, TimeProvider clock) : ICommandHandler<Command, CohortView>
    {
        private static readonly ApplicationStatus[] InPilot = [ApplicationStatus.Accepted, ApplicationStatus.Confirmed];

        public async ValueTask<CohortView> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Set<Recruitment>().AnyAsync(r => r.Id == command.RecruitmentId, cancellationToken))
            {
                throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, command.RecruitmentId);
            }

            var ids = command.ApplicationIds;
            var applications = await db.Set<Application>().AsNoTracking()
                .Where(a => ids.Contains(a.Id) && a.RecruitmentId == command.RecruitmentId && InPilot.Contains(a.Status))
                .Select(a => new { a.Id, Participants = a.Participants.Count }).ToListAsync(cancellationToken);
            var unusable = ids.Except(applications.Select(a => a.Id)).ToList();
            if (unusable.Count > 0)
            {
                throw ApplicationsNotInPilot.Refuse(ProblemKind.UnprocessableContent, new Text(
                    "Only accepted or confirmed applications of this recruitment can form a cohort: " + string.Join(", ", unusable),
                    "Grupę mogą tworzyć tylko przyjęte lub potwierdzone zgłoszenia z tego naboru: " + string.Join(", ", unusable)),
                    new(unusable));
            }

            var taken = await db.Set<CohortApplication>().Where(c => ids.Contains(c.ApplicationId)).Select(c => c.ApplicationId).ToListAsync(cancellationToken);
            if (taken.Count > 0 || await db.Set<Cohort>().AnyAsync(c => c.RecruitmentId == command.RecruitmentId && c.Name == command.Name.Trim(), cancellationToken))
            {
                throw Problem.Conflict(new Text("The name is taken, or an application already belongs to another cohort: " + string.Join(", ", taken),
                    "Nazwa jest zajęta albo zgłoszenie należy już do innej grupy: " + string.Join(", ", taken)), "cohort-conflict");
            }

            var cohort = new Cohort(command.RecruitmentId, command.Name.Trim(), clock.UtcNowForDatabase());
            cohort.Applications.AddRange(ids.Select(id => new CohortApplication(id)));
            db.Add(cohort);
            await db.SaveChangesAsync(cancellationToken);
            return new CohortView(cohort.Id, cohort.RecruitmentId, cohort.Name, ids, applications.Sum(a => a.Participants));
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapPost("/{recruitmentId:guid}/cohorts", async (Guid recruitmentId, Request request, IMediator mediator, CancellationToken ct) =>
            {
                var cohort = await mediator.Send(new Command(recruitmentId, request.Name, request.ApplicationIds), ct);
                return TypedResults.Created($"/api/v1/cohorts/{cohort.Id}", cohort);
            })
            .WithTags(PilotEnrollmentModule.Tag)
            .WithName("CreateCohort")
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, ApplicationsNotInPilot)
            .WithSummary("Form a training cohort from accepted JST")
            .WithDescription("The participants of the given accepted or confirmed applications train together; an application belongs to one cohort.")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestExample(new Request("Grupa 1 — województwa zachodnie", [Guid.Parse("01936b30-2000-7000-8000-000000000021")]))
            .WithResponseExample(StatusCodes.Status201Created, new CohortView(Guid.Parse("01936b31-1000-7000-8000-000000000030"), Guid.Parse("01936b30-1000-7000-8000-000000000020"),
                "Grupa 1 — województwa zachodnie", [Guid.Parse("01936b30-2000-7000-8000-000000000021")], 3));
}
