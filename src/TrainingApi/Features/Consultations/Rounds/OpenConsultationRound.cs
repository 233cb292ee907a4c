using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Consultations.Rounds;

public static class OpenConsultationRound
{
    public sealed record Request(Guid VersionId, string Title, string? Description, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

    public sealed record Command(Guid VersionId, string Title, string? Description, DateTimeOffset OpensAt, DateTimeOffset ClosesAt) : ICommand<RoundView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VersionId).NotEmpty();
            RuleFor(c => c.Title).NotEmpty().MaximumLength(ConsultationRound.TitleMaxLength);
            RuleFor(c => c.Description).MaximumLength(ConsultationRound.DescriptionMaxLength);
            RuleFor(c => c.ClosesAt).GreaterThan(c => c.OpensAt)
                .WithMessage(_ => new Text("The round must close after it opens.", "Konsultacje muszą się zakończyć po ich rozpoczęciu.").ToString());
        }
    }

    public sealed class Handler(TrainingDb db, VersionOutlines versions, Caller caller, TimeProvider clock) : ICommandHandler<Command, RoundView>
    {
        public async ValueTask<RoundView> Handle(Command command, CancellationToken ct)
        {
            var version = await versions.FindHeaderAsync(command.VersionId, ct) ?? throw Problem.NotFound(CurriculumModule.VersionNoun, command.VersionId);
            if (version.Status != VersionStatus.InConsultation)
            {
                throw Problem.Conflict(new Text(
                    $"Version {version.Label} is {ProgrammeVersion.StatusName(version.Status)}; a consultation round is opened for a version in-consultation " +
                    $"(POST /api/v1/versions/{command.VersionId}/transitions).",
                    $"Wersja {version.Label} ma status {ProgrammeVersion.StatusName(version.Status)}; konsultacje otwiera się dla wersji in-consultation " +
                    $"(POST /api/v1/versions/{command.VersionId}/transitions)."), "version-not-in-consultation");
            }

            var now = clock.UtcNowForDatabase();
            var opensAt = command.OpensAt.ForDatabase();
            var closesAt = command.ClosesAt.ForDatabase();
            if (closesAt <= now)
            {
                throw Problem.Validation("closesAt", new Text("The round would be over before it starts: choose a closing time in the future.",
                    "Konsultacje skończyłyby się przed rozpoczęciem: wybierz przyszły czas zakończenia."));
            }

            await EnsureNoOverlapAsync(db, command.VersionId, null, opensAt, closesAt, ct);
            var round = new ConsultationRound(command.VersionId, version.ProgrammeId, version.Label, command.Title.Trim(), command.Description?.Trim(),
                opensAt, closesAt, caller.Subject!, now);
            db.Add(round);
            await db.SaveChangesAsync(ct);
            return RoundView.From(round, 0, now);
        }
    }

    /// <summary>
    /// Two rounds on one version at the same time would split its comments; one after another is fine. Checked under a
    /// per-version advisory lock (held to the end of the transaction), so two requests cannot both pass the check.
    /// </summary>
    public static async Task EnsureNoOverlapAsync(TrainingDb db, Guid versionId, Guid? except, DateTimeOffset opensAt, DateTimeOffset closesAt, CancellationToken ct)
    {
        await db.AdvisoryLockAsync(ConsultationsModule.RoundsOfVersionLock(versionId), ct);
        var clash = await db.Set<ConsultationRound>().AsNoTracking()
            .Where(r => r.VersionId == versionId && r.Id != except && r.OpensAt < closesAt && opensAt < r.ClosesAt)
            .FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            throw Problem.Conflict(new Text(
                $"Round '{clash.Title}' consults this version {clash.Window.En}; rounds of one version must not overlap.",
                $"Konsultacje '{clash.Title}' tej wersji trwają {clash.Window.Pl}; konsultacje jednej wersji nie mogą się nakładać."), "round-overlaps");
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapPost("/", async (Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(r.VersionId, r.Title, r.Description, r.OpensAt, r.ClosesAt), ct);
                return TypedResults.Created($"/api/v1/consultation-rounds/{created.Id}", created);
            })
            .WithName("OpenConsultationRound")
            .WithSummary("Open a consultation round for a programme version")
            .WithDescription("For a version in `in-consultation`. Times are ISO 8601; a time without an offset is Europe/Warsaw wall-clock time. " +
                             "Comments are taken from `opensAt` (inclusive) until `closesAt` (exclusive); rounds of one version must not overlap.")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(RoundView.Example.VersionId, RoundView.Example.Title, RoundView.Example.Description,
                RoundView.Example.OpensAt, RoundView.Example.ClosesAt))
            .WithResponseExample(StatusCodes.Status201Created, RoundView.Example with { Status = RoundStatus.Scheduled, Comments = 0 });
}
