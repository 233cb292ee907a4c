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
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.SelfAssessment.Rounds;

public static class StartRound
{
    /// <param name="Teryt">The JST, when the team or an advisor starts a round on its behalf; a coordinator starts one for the JST in its token and leaves it out.</param>
    /// <param name="Deadline">When the round closes by itself: in the future, at most a year ahead.</param>
    /// <param name="Title">A name for the round, e.g. "Samoocena 2025".</param>
    /// <param name="Named">True to record invitees' names (personal data); left out or false, the round is anonymous and holds no names.</param>
    public sealed record Request(string? Teryt, [property: Required] DateTimeOffset Deadline, string? Title, bool? Named);

    public sealed record Command(string? Teryt, DateTimeOffset Deadline, string? Title, bool? Named) : ICommand<SelfAssessmentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            // 2 digits a voivodeship, 4 a powiat or a city with county rights, 7 a gmina.
            RuleFor(c => c.Teryt).Matches("^([0-9]{2}|[0-9]{4}|[0-9]{7})$").When(c => c.Teryt is not null)
                .WithMessage(_ => new Text("A TERYT code has 2, 4 or 7 digits.", "Kod TERYT ma 2, 4 lub 7 cyfr.").ToString());
            RuleFor(c => c.Title).MaximumLength(200);
            RuleFor(c => c.Deadline).Must(d => d > clock.GetUtcNow() && d <= clock.GetUtcNow().AddYears(1))
                .WithMessage(_ => new Text("The deadline is in the future, at most a year ahead.", "Termin musi przypadać w przyszłości, najpóźniej za rok.").ToString());
        }
    }

    public sealed class Handler(TrainingDb db, Caller caller, RoundAccess rounds, TimeProvider clock) : ICommandHandler<Command, SelfAssessmentView>
    {
        public async ValueTask<SelfAssessmentView> Handle(Command command, CancellationToken ct)
        {
            var jst = await ResolveJstAsync(command.Teryt, ct);
            // Serialises starters of the same JST, so the second gets a clear 409 rather than a unique-index failure.
            await db.AdvisoryLockAsync(new AdvisoryLockKey(AdvisoryLockNamespace.SelfAssessmentStart, jst.CanonicalTeryt), ct);
            if (await db.Set<AssessmentRound>().AnyAsync(r => r.Teryt == jst.CanonicalTeryt && r.Status == SelfAssessmentStatus.Open, ct))
            {
                throw Problem.Conflict(new Text(
                    $"{jst.Name} already has an open self-assessment round; close it before starting another.",
                    $"{jst.Name} ma już otwartą rundę samooceny; zamknij ją przed rozpoczęciem kolejnej."), "round-already-open");
            }

            var round = new AssessmentRound(jst, MaturityFramework.Current.Version, command.Title?.Trim() is { Length: > 0 } t ? t : null,
                command.Named != true, command.Deadline.ForDatabase(), caller.Subject!, clock.UtcNowForDatabase());
            db.Add(round);
            await db.SaveChangesAsync(ct);
            return SelfAssessmentView.From(round, SelfAssessmentView.NoProgress);
        }

        private async Task<Jst> ResolveJstAsync(string? requested, CancellationToken ct)
        {
            if (caller.Is(Roles.JstCoordinator))
            {
                if (requested is not null && JstRegister.Canonical(requested) != JstRegister.Canonical(caller.Teryt))
                {
                    throw Problem.Validation("teryt", new Text("A coordinator starts rounds for its own JST only; leave teryt out.",
                        "Koordynator rozpoczyna rundy tylko dla swojej JST; pomiń pole teryt."));
                }

                return JstRegister.Find(caller.Teryt) ?? throw Problem.Forbidden(new Text("Your token names no JST of the register.", "Token nie wskazuje JST z rejestru."));
            }

            if (requested is null)
            {
                throw Problem.Validation("teryt", new Text("Name the JST the round is for (its TERYT code).", "Wskaż JST, dla której jest runda (kod TERYT)."));
            }

            var jst = JstRegister.Find(requested) ?? throw Problem.Unprocessable(new Text(
                $"There is no local-government unit with TERYT code '{requested}' in the register (GUS TERC, 2024-01-01). Search it with GET /api/v1/jst.",
                $"W rejestrze (GUS TERC, 2024-01-01) nie ma jednostki samorządu o kodzie TERYT '{requested}'. Wyszukaj ją: GET /api/v1/jst."),
                "unknown-teryt");
            if (caller.Is(Roles.ProgrammeTeam) || await rounds.AdvisedJst(caller.Subject!).ContainsAsync(jst.CanonicalTeryt, ct))
            {
                return jst;
            }

            throw Problem.NotFound(new Text($"You advise no JST with TERYT code '{requested}'.", $"Nie doradzasz JST o kodzie TERYT '{requested}'."), code: "jst-not-advised");
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapPost("/", async (Request r, IMediator mediator, CancellationToken ct) =>
            {
                var round = await mediator.Send(new Command(r.Teryt, r.Deadline, r.Title, r.Named), ct);
                return TypedResults.Created($"/api/v1/self-assessments/{round.Id}", round);
            })
            .WithName("StartSelfAssessment")
            .WithSummary("Start a self-assessment round for a JST")
            .WithDescription("Any JST of the register, piloted or not. A coordinator starts one for its own JST; the programme team for any JST, " +
                             "an advisor for a JST it advises, naming `teryt`. The round is answered against the current maturity framework " +
                             "version, recorded with it for good. Anonymous unless `named` is true. One open round per JST (409 `round-already-open`); " +
                             "an unknown TERYT code is 422 `unknown-teryt`. Then make invitation links (POST …/invitations).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request("1465011", SelfAssessmentView.Example.Deadline, "Samoocena 2025", false))
            .WithResponseExample(StatusCodes.Status201Created, SelfAssessmentView.Example with { Status = SelfAssessmentStatus.Open, ClosedAt = null, ClosedAtDeadline = null, Progress = SelfAssessmentView.NoProgress, Results = null });
}
