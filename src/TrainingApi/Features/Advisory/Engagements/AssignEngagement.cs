using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Advisors;
using TrainingApi.Features.Curriculum;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.PilotEnrollment;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.Advisory.Engagements;

public static class AssignEngagement
{
    /// <param name="HoursBudget">Hours of support for this JST; the configured default (Advisory:DefaultHoursBudget) when left out.</param>
    /// <param name="GuidelinesVersionId">The programme version whose advisory guidelines the plan follows.</param>
    public sealed record Request(Guid RecruitmentId, string Teryt, Guid AdvisorId, decimal? HoursBudget, Guid? GuidelinesVersionId);

    public sealed record Command(Guid RecruitmentId, string Teryt, Guid AdvisorId, decimal? HoursBudget, Guid? GuidelinesVersionId) : ICommand<EngagementView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.RecruitmentId).NotEmpty();
            RuleFor(c => c.AdvisorId).NotEmpty();
            RuleFor(c => c.Teryt).NotEmpty().Matches("^([0-9]{2}|[0-9]{4}|[0-9]{7})$");
            RuleFor(c => c.HoursBudget).InclusiveBetween(1, 500);
            RuleFor(c => c.HoursBudget).Must(h => h % 0.25m == 0).When(c => c.HoursBudget is not null)
                .WithMessage(_ => new Text("Hours are whole quarters between 1 and 500.", "Godziny podaje się w pełnych kwadransach, od 1 do 500.").ToString());
        }
    }

    public sealed class Handler(TrainingDb db, PilotParticipation pilot, VersionOutlines versions, IJstDirectory jsts, IOptions<AdvisoryOptions> options,
        TimeProvider clock)
        : ICommandHandler<Command, EngagementView>
    {
        public async ValueTask<EngagementView> Handle(Command command, CancellationToken ct)
        {
            if (!await pilot.RecruitmentExistsAsync(command.RecruitmentId, ct))
            {
                throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, command.RecruitmentId);
            }

            var jst = jsts.Find(command.Teryt) ?? throw Problem.Unprocessable(new Text(
                $"There is no JST with TERYT code '{command.Teryt}' in the register.", $"W rejestrze nie ma JST o kodzie TERYT '{command.Teryt}'."),
                "unknown-teryt");
            if (!await pilot.IsInPilotAsync(command.RecruitmentId, jst.CanonicalTeryt, ct))
            {
                throw Problem.Unprocessable(new Text(
                    $"{jst.Name} ({jst.CanonicalTeryt}) has no accepted place in this pilot; advisory support is for piloted JST.",
                    $"{jst.Name} ({jst.CanonicalTeryt}) nie ma przyjętego miejsca w tym pilotażu; doradztwo jest dla JST uczestniczących w pilotażu."),
                    "jst-not-in-pilot");
            }

            if (command.GuidelinesVersionId is { } versionId && await versions.FindHeaderAsync(versionId, ct) is null)
            {
                throw Problem.NotFound(CurriculumModule.VersionNoun, versionId);
            }

            var advisor = await AdvisorCapacity.LockWithRoomAsync(db, command.AdvisorId, ct);
            var engagement = new Engagement(command.RecruitmentId, jst.CanonicalTeryt, jst.Name, advisor.Id, command.HoursBudget ?? options.Value.DefaultHoursBudget,
                command.GuidelinesVersionId, clock.UtcNowForDatabase());
            db.Add(engagement);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw Problem.Conflict(new Text($"{jst.Name} already has an engagement in this pilot.", $"{jst.Name} ma już proces doradczy w tym pilotażu."),
                    "engagement-exists");
            }

            return EngagementView.From(engagement, advisor.Name);
        }
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapPost("/", async (Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(r.RecruitmentId, r.Teryt, r.AdvisorId, r.HoursBudget, r.GuidelinesVersionId), ct);
                return TypedResults.Created($"/api/v1/engagements/{created.Id}", created);
            })
            .WithName("AssignEngagement")
            .WithSummary("Assign an advisor to a piloted JST")
            .WithDescription("For a JST with an accepted (or confirmed) place in the pilot; one engagement per JST per pilot; within the advisor's " +
                             "capacity (409 `advisor-at-capacity`). Starts in the diagnosis stage with the hours budget given or the default.")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request(EngagementView.Example.RecruitmentId, "1061", EngagementView.Example.AdvisorId, 40, EngagementView.Example.GuidelinesVersionId))
            .WithResponseExample(StatusCodes.Status201Created, EngagementView.Example with { Stage = EngagementStage.Diagnosis, HoursUsed = 0, HoursAvailable = 40 });
}
