using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Handovers;

public static class RecordHandover
{
    public const string DefaultPurpose = "Materiały wejściowe do regulaminów konkursów na lata 2025–2028";

    public sealed record Request(DateOnly HandedOverOn, string? Purpose);

    public sealed record Command(Guid ReleaseId, DateOnly HandedOverOn, string? Purpose) : ICommand<HandoverView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Purpose).MaximumLength(1000);
    }

    public sealed class Handler(TrainingDb db, Caller caller, Common.Events.EventOutbox events, TimeProvider clock) : ICommandHandler<Command, HandoverView>
    {
        public async ValueTask<HandoverView> Handle(Command command, CancellationToken ct)
        {
            var release = await db.Set<Release>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.ReleaseId, ct)
                          ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, command.ReleaseId);
            if (release.Status == ReleaseStatus.Draft)
            {
                throw Problem.Conflict(new Text("Only a published release is handed over: publish it first.", "Przekazuje się tylko opublikowane wydanie: najpierw je opublikuj."),
                    "release-not-published");
            }

            var package = await db.Set<ReleaseFile>().AsNoTracking().Where(f => f.ReleaseId == release.Id && f.Format == "zip").Select(f => f.Sha256).FirstAsync(ct);
            var handover = new Handover(release.Id, release.SemanticVersion, string.IsNullOrWhiteSpace(command.Purpose) ? DefaultPurpose : command.Purpose.Trim(),
                command.HandedOverOn, package, caller.Subject!, clock.UtcNowForDatabase());
            db.Add(handover);
            events.Publish(new HandoverRecorded(handover.Id, release.Id, release.SemanticVersion, handover.HandedOverOn, handover.PackageSha256,
                $"/api/v1/handovers/{handover.Id}/package"));
            await db.SaveChangesAsync(ct);
            return (await HandoverView.WithSupersessionAsync(db, [HandoverView.From(handover)], ct))[0];
        }
    }

    public static void Map(RouteGroupBuilder releases) =>
        releases.MapPost("/{releaseId:guid}/handovers", async (Guid releaseId, Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(releaseId, r.HandedOverOn, r.Purpose), ct);
                return TypedResults.Created($"/api/v1/handovers/{created.Id}", created);
            })
            .WithName("RecordHandover")
            .WithSummary("Record the handover of a published release to the Ministry")
            .WithDescription("Date, purpose (by default input to the 2025–2028 competitive calls) and the SHA-256 of the ZIP bundle handed over. Audited; subscribers (the Ministry among them) get `handover.recorded`.")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(HandoverView.Example.HandedOverOn, DefaultPurpose))
            .WithResponseExample(StatusCodes.Status201Created, HandoverView.Example with { CaseNumber = null, AcknowledgedOn = null });
}
