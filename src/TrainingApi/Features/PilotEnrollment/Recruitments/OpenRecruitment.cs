using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

public static class OpenRecruitment
{
    public sealed record Request(
        string Title, string? Description, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int? Capacity, int? MaxParticipantsPerJst,
        [property: Required] IReadOnlyList<JstKind> EligibleKinds, SelectionMode? SelectionMode, string RodoClauseVersion, Guid ProgrammeVersionId,
        int? MaxPerVoivodeship = null, int? MaxPerKind = null);

    public sealed record Command(
        string Title, string? Description, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Capacity, int MaxParticipantsPerJst,
        IReadOnlyList<JstKind> EligibleKinds, SelectionMode SelectionMode, string RodoClauseVersion, int? MaxPerVoivodeship, int? MaxPerKind,
        Guid ProgrammeVersionId) : ICommand<RecruitmentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(Recruitment.TitleMaxLength);
            // Required of every new recruitment (the column is nullable only for those opened before).
            RuleFor(c => c.ProgrammeVersionId).NotEmpty()
                .WithMessage(_ => new Text("Name the programme version the pilot tests (programmeVersionId).", "Wskaż wersję programu, którą testuje pilotaż (programmeVersionId).").ToString());
            RuleFor(c => c.Description).MaximumLength(4000);
            RuleFor(c => c.ClosesAt).GreaterThan(c => c.OpensAt)
                .WithMessage(_ => new Text("The recruitment must close after it opens.", "Nabór musi się zamknąć po otwarciu.").ToString());
            RuleFor(c => c.Capacity).InclusiveBetween(1, Recruitment.MaxCapacity);
            RuleFor(c => c.MaxParticipantsPerJst).InclusiveBetween(1, 3);
            RuleFor(c => c.EligibleKinds).NotEmpty();
            RuleForEach(c => c.EligibleKinds).IsInEnum();
            RuleFor(c => c.SelectionMode).IsInEnum();
            RuleFor(c => c.RodoClauseVersion).NotEmpty().MaximumLength(50);
            RuleFor(c => c.MaxPerVoivodeship).InclusiveBetween(1, Recruitment.MaxCapacity);
            RuleFor(c => c.MaxPerKind).InclusiveBetween(1, Recruitment.MaxCapacity);
            RuleFor(c => c.MaxPerVoivodeship).Null().When(c => c.SelectionMode == SelectionMode.FirstCome)
                .WithMessage(_ => new Text("Limits per voivodeship and per kind apply to ranked recruitments.", "Limity na województwo i rodzaj JST dotyczą naborów rankingowych.").ToString());
            RuleFor(c => c.MaxPerKind).Null().When(c => c.SelectionMode == SelectionMode.FirstCome)
                .WithMessage(_ => new Text("Limits per voivodeship and per kind apply to ranked recruitments.", "Limity na województwo i rodzaj JST dotyczą naborów rankingowych.").ToString());
        }
    }

    public sealed class Handler(TrainingDb db, VersionOutlines versions, TimeProvider clock) : ICommandHandler<Command, RecruitmentView>
    {
        public async ValueTask<RecruitmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var version = await versions.FindHeaderAsync(command.ProgrammeVersionId, cancellationToken)
                          ?? throw Problem.Unprocessable(new Text($"No programme version {command.ProgrammeVersionId} exists.",
                              $"Nie istnieje wersja programu {command.ProgrammeVersionId}."), "version-not-found");
            // A pilot tests frozen content: the anchors its sessions and evaluations name must not change under it.
            if (version.Status is VersionStatus.Draft or VersionStatus.Superseded)
            {
                throw Problem.Unprocessable(new Text(
                    $"Version {version.Label} is {ProgrammeVersion.StatusName(version.Status)}; a pilot tests a version past draft and not superseded.",
                    $"Wersja {version.Label} ma status {ProgrammeVersion.StatusName(version.Status)}; pilotaż testuje wersję po etapie roboczym i niezastąpioną."),
                    "version-not-pilotable");
            }

            var now = clock.UtcNowForDatabase();
            var recruitment = new Recruitment(command.Title.Trim(), command.Description?.Trim(), command.OpensAt.ToUniversalTime(), command.ClosesAt.ToUniversalTime(),
                command.Capacity, command.MaxParticipantsPerJst, [.. command.EligibleKinds.Distinct()], command.SelectionMode, command.RodoClauseVersion.Trim(), now,
                command.MaxPerVoivodeship, command.MaxPerKind, command.ProgrammeVersionId);
            db.Add(recruitment);
            await db.SaveChangesAsync(cancellationToken);
            return RecruitmentView.From(recruitment, now);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapPost("/", async (Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(r.Title, r.Description, r.OpensAt, r.ClosesAt, r.Capacity ?? 50, r.MaxParticipantsPerJst ?? 3,
                    r.EligibleKinds, r.SelectionMode ?? SelectionMode.FirstCome, r.RodoClauseVersion, r.MaxPerVoivodeship, r.MaxPerKind, r.ProgrammeVersionId), ct);
                return TypedResults.Created($"/api/v1/recruitments/{created.Id}", created);
            })
            .WithName("OpenRecruitment")
            .WithSummary("Announce a recruitment of JST to the pilot")
            .WithDescription("The programme version the pilot tests (`programmeVersionId`, past draft): its cohorts' sessions and evaluations " +
                             "name that version's modules, and its completions and evaluations are the evidence that makes the version `tested`. " +
                             "Capacity in JST (default 50), participants per JST (1–3, default 3), eligible kinds of unit, the window " +
                             "(send times with their offset; shown back in Europe/Warsaw too), the RODO clause version applicants acknowledge, and " +
                             "the selection mode: `first-come` (default) or `ranked` (with optional maxPerVoivodeship and maxPerKind).")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request(RecruitmentView.Example.Title, RecruitmentView.Example.Description, RecruitmentView.Example.OpensAt,
                RecruitmentView.Example.ClosesAt, 50, 3, RecruitmentView.Example.EligibleKinds, SelectionMode.FirstCome, "RODO-2024-04",
                RecruitmentView.Example.ProgrammeVersionId!.Value))
            .WithResponseExample(StatusCodes.Status201Created, RecruitmentView.Example with { Accepted = 0, PlacesLeft = 50, IsOpen = false });
}
