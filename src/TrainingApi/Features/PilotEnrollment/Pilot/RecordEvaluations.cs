using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class RecordEvaluations
{
    public sealed record Response(string ModuleAnchor, int? PreScore, int? PostScore, int? Satisfaction, string? Comment);

    public sealed record Request([property: Required] IReadOnlyList<Response> Responses);

    public sealed record Result(Guid CohortId, int Recorded);

    public sealed record Command(Guid CohortId, IReadOnlyList<Response> Responses) : ICommand<Result>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Responses).NotEmpty().MaximumItems(1000);
            RuleForEach(c => c.Responses).ChildRules(r =>
            {
                r.RuleFor(x => x.ModuleAnchor).NotEmpty().MaximumLength(100).Matches("^[a-z0-9]+(-[a-z0-9]+)*$");
                r.RuleFor(x => x.PreScore).InclusiveBetween(0, 100);
                r.RuleFor(x => x.PostScore).InclusiveBetween(0, 100);
                r.RuleFor(x => x.Satisfaction).InclusiveBetween(1, 5);
                r.RuleFor(x => x.Comment).MaximumLength(ModuleEvaluation.CommentMaxLength);
                r.RuleFor(x => x).Must(x => x.PreScore is not null || x.PostScore is not null || x.Satisfaction is not null || !string.IsNullOrWhiteSpace(x.Comment))
                    .WithName("response").WithMessage("An empty response says nothing; leave it out.");
            });
        }
    }

    /// <summary>Anonymous questionnaires, entered in batches after a module: all or nothing.</summary>
    public sealed class Handler(TrainingDb db, PilotModules modules, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Set<Cohort>().AnyAsync(c => c.Id == command.CohortId, cancellationToken))
            {
                throw Problem.NotFound(PilotEnrollmentModule.CohortNoun, command.CohortId);
            }

            await modules.EnsureModulesAsync(command.CohortId, command.Responses.Select(r => r.ModuleAnchor), cancellationToken);

            var now = clock.UtcNowForDatabase();
            db.AddRange(command.Responses.Select(r => new ModuleEvaluation(command.CohortId, r.ModuleAnchor, r.PreScore, r.PostScore, r.Satisfaction,
                string.IsNullOrWhiteSpace(r.Comment) ? null : r.Comment.Trim(), now)));
            await db.SaveChangesAsync(cancellationToken);
            return new Result(command.CohortId, command.Responses.Count);
        }
    }

    public static void Map(RouteGroupBuilder cohorts) =>
        cohorts.MapPost("/{cohortId:guid}/evaluations", async (Guid cohortId, Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/cohorts/{cohortId}/evaluations", await mediator.Send(new Command(cohortId, request.Responses), ct)))
            .WithName("RecordEvaluations")
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, PilotModules.AnchorNotInVersion)
            .WithSummary("Record module evaluations of a cohort")
            .WithDescription("Anonymous responses per module of the version the pilot tests: knowledge test before and after (0–100), satisfaction " +
                             "(1–5), a comment. A module anchor that is not in that version is 422 `anchor-not-in-version` (nothing is recorded). " +
                             "`Location` is the cohort's list of evaluations (GET /api/v1/cohorts/{cohortId}/evaluations), where the new responses join the others.")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request([new Response("modul-3", 42, 78, 5, "Praktyczne przykłady z naszej gminy.")]))
            .WithResponseExample(StatusCodes.Status201Created, new Result(Guid.Parse("01936b31-1000-7000-8000-000000000030"), 1));
}
