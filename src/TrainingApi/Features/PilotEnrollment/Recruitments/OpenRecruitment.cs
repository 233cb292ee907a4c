using FluentValidation;
using Mediator;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

public static class OpenRecruitment
{
    public sealed record Request(
        string Title, string? Description, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int? Capacity, int? MaxParticipantsPerJst,
        IReadOnlyList<JstKind>? EligibleKinds, SelectionMode? SelectionMode, string RodoClauseVersion);

    public sealed record Command(
        string Title, string? Description, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Capacity, int MaxParticipantsPerJst,
        IReadOnlyList<JstKind>? EligibleKinds, SelectionMode SelectionMode, string RodoClauseVersion) : ICommand<RecruitmentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(Recruitment.TitleMaxLength);
            RuleFor(c => c.Description).MaximumLength(4000);
            RuleFor(c => c.ClosesAt).GreaterThan(c => c.OpensAt)
                .WithMessage(_ => new Text("The recruitment must close after it opens.", "Nabór musi się zamknąć po otwarciu.").ToString());
            RuleFor(c => c.Capacity).InclusiveBetween(1, Recruitment.MaxCapacity);
            RuleFor(c => c.MaxParticipantsPerJst).InclusiveBetween(1, 3);
            RuleFor(c => c.EligibleKinds).NotEmpty();
            RuleForEach(c => c.EligibleKinds).IsInEnum();
            RuleFor(c => c.SelectionMode).IsInEnum();
            RuleFor(c => c.RodoClauseVersion).NotEmpty().MaximumLength(50);
        }
    }

    public sealed class Handler(TrainingDb db, TimeProvider clock) : ICommandHandler<Command, RecruitmentView>
    {
        public async ValueTask<RecruitmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.UtcNowForDatabase();
            var recruitment = new Recruitment(command.Title.Trim(), command.Description?.Trim(), command.OpensAt.ToUniversalTime(), command.ClosesAt.ToUniversalTime(),
                command.Capacity, command.MaxParticipantsPerJst, [.. command.EligibleKinds!.Distinct()], command.SelectionMode, command.RodoClauseVersion.Trim(), now);
            db.Add(recruitment);
            await db.SaveChangesAsync(cancellationToken);
            return RecruitmentView.From(recruitment, now);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapPost("/", async (Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(r.Title, r.Description, r.OpensAt, r.ClosesAt, r.Capacity ?? 50, r.MaxParticipantsPerJst ?? 3,
                    r.EligibleKinds, r.SelectionMode ?? SelectionMode.FirstCome, r.RodoClauseVersion), ct);
                return TypedResults.Created($"/api/v1/recruitments/{created.Id}", created);
            })
            .WithName("OpenRecruitment")
            .WithSummary("Announce a recruitment of JST to the pilot")
            .WithDescription("Capacity in JST (default 50), participants per JST (1–3, default 3), eligible kinds of unit, the window " +
                             "(send times with their offset; shown back in Europe/Warsaw too) and the RODO clause version applicants acknowledge.")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .WithRequestExample(new Request(RecruitmentView.Example.Title, RecruitmentView.Example.Description, RecruitmentView.Example.OpensAt,
                RecruitmentView.Example.ClosesAt, 50, 3, RecruitmentView.Example.EligibleKinds, SelectionMode.FirstCome, "RODO-2024-04"))
            .WithResponseExample(StatusCodes.Status201Created, RecruitmentView.Example with { Accepted = 0, PlacesLeft = 50, IsOpen = false });
}
