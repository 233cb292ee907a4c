using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Common.UseCases;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment.Applications;

public static class Apply
{
    public sealed record ParticipantRequest(string Name, string Position, string Email, string? Phone);

    /// <param name="Teryt">The programme team applying on a JST's behalf names it; a coordinator applies for the JST in its token and leaves it out.</param>
    public sealed record Request(string? Teryt, [property: Required] IReadOnlyList<ParticipantRequest> Participants, string RodoClauseVersion, [property: Required] Questionnaire Questionnaire);

    /// <remarks>
    /// Without the runner's transaction: the submission is one SaveChanges (application, participants, audit, the
    /// Idempotency-Key), committed at once so that the placement, a shared batch in a transaction of its own, sees it.
    /// </remarks>
    public sealed record Command(Guid RecruitmentId, string? Teryt, IReadOnlyList<ParticipantRequest> Participants, string RodoClauseVersion, Questionnaire Questionnaire)
        : ICommand<ApplicationView>, Common.Mediator.ICommandWithoutTransaction;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Participants).NotEmpty().MaximumItems(3)
                .WithMessage(_ => new Text("A JST sends one to three participants.", "JST zgłasza od jednego do trzech uczestników.").ToString());
            RuleForEach(c => c.Participants).ChildRules(p =>
            {
                p.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
                p.RuleFor(x => x.Position).NotEmpty().MaximumLength(200);
                p.RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(254);
                p.RuleFor(x => x.Phone).MaximumLength(30).Matches(@"^\+?[0-9 ()-]{6,30}$");
            });
            RuleFor(c => c.Participants).Must(p => p is null || p.Any(x => x?.Email is null) || p.Select(x => x.Email.Trim().ToLowerInvariant()).Distinct().Count() == p.Count)
                .WithMessage(_ => new Text("Each participant needs their own e-mail address.", "Każdy uczestnik musi mieć własny adres e-mail.").ToString());
            RuleFor(c => c.RodoClauseVersion).NotEmpty().MaximumLength(50);
            RuleFor(c => c.Questionnaire).NotNull().ChildRules(q =>
            {
                q.RuleFor(x => x.SchoolsRun).InclusiveBetween(0, 2000);
                q.RuleFor(x => x.Motivation).MaximumLength(2000);
            });
        }
    }

    /// <summary>
    /// Checks and stores the application as submitted. First come: <see cref="PlacementCoordinator"/> then gives it
    /// its place, and the answer says which. Ranked: it stays submitted until the allocation run.
    /// </summary>
    public sealed class Handler(TrainingDb db, Caller caller, UseCaseContext useCase, RecruitmentTermsCache recruitments, PlacementCoordinator placement,
        CurrentIdempotencyClaim idempotency, IdempotentAnswers answers, TimeProvider clock) : ICommandHandler<Command, ApplicationView>
    {
        public async ValueTask<ApplicationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var recruitment = await recruitments.GetAsync(db, command.RecruitmentId, cancellationToken);
            if (idempotency.PendingResourceId is { } stored)
            {
                return await FinishAsync(recruitment, stored, cancellationToken);
            }

            var now = clock.UtcNowForDatabase();
            if (!recruitment.IsOpenAt(now))
            {
                throw Problem.Conflict(new Text(
                    $"The recruitment takes applications from {WarsawTime.Format(recruitment.OpensAt)} until {WarsawTime.Format(recruitment.ClosesAt)}.",
                    $"Nabór przyjmuje zgłoszenia od {WarsawTime.Format(recruitment.OpensAt)} do {WarsawTime.Format(recruitment.ClosesAt)}."), "recruitment-not-open");
            }

            var jst = ResolveJst(command.Teryt);
            if (!recruitment.Accepts(jst.Kind))
            {
                throw Problem.Unprocessable(new Text(
                    $"{jst.Name} ({jst.Teryt}) is a {Common.Http.QueryEnum.Name(jst.Kind)}; this recruitment is for: {string.Join(", ", recruitment.EligibleKinds.Select(k => Common.Http.QueryEnum.Name(Enum.Parse<JstKind>(k))))}.",
                    $"{jst.Name} ({jst.Teryt}) to {Common.Http.QueryEnum.Name(jst.Kind)}; nabór jest dla: {string.Join(", ", recruitment.EligibleKinds.Select(k => Common.Http.QueryEnum.Name(Enum.Parse<JstKind>(k))))}."),
                    "jst-not-eligible");
            }

            if (command.Participants.Count > recruitment.MaxParticipantsPerJst)
            {
                throw Problem.Validation("participants", new Text($"This recruitment takes at most {recruitment.MaxParticipantsPerJst} participants per JST.",
                    $"Ten nabór przyjmuje najwyżej {recruitment.MaxParticipantsPerJst} uczestników z jednej JST."));
            }

            if (command.RodoClauseVersion.Trim() != recruitment.RodoClauseVersion)
            {
                throw Problem.Unprocessable(new Text($"Acknowledge the current RODO information clause, version {recruitment.RodoClauseVersion}.",
                    $"Potwierdź zapoznanie się z aktualną klauzulą informacyjną RODO, wersja {recruitment.RodoClauseVersion}."),
                    "rodo-clause-outdated");
            }

            var application = new Application(recruitment.Id, jst.CanonicalTeryt, caller.Subject!, useCase.TraceId, recruitment.RodoClauseVersion, command.Questionnaire, now);
            application.Participants.AddRange(command.Participants.Select(p => new Participant(p.Name.Trim(), p.Position.Trim(), p.Email.Trim(), p.Phone?.Trim())));
            db.Add(application);
            var submitted = ApplicationView.From(application);
            var firstCome = recruitment.SelectionMode == SelectionMode.FirstCome;
            if (idempotency.Claim is { } claim)
            {
                // First come: the key is answered by the placement that decides the application (SlotAllocation).
                db.Add(firstCome ? IdempotentAnswers.Pending(claim, application.Id) : answers.Created(claim, ApplicationView.Location(application.Id), submitted));
            }

            try
            {
                await SubmitAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
            {
                throw unique.TableName == "idempotency_records" ? IdempotencyMiddleware.StillRunning() : AlreadyApplied(jst);
            }

            if (!firstCome)
            {
                return submitted;
            }

            var decision = await placement.PlaceAsync(recruitment.Id, application.Id, PendingAnswer.For(idempotency.Claim, submitted), cancellationToken);
            return submitted with { Status = decision.Status, WaitlistPosition = decision.WaitlistPosition, DecidedAt = decision.DecidedAt };
        }

        /// <summary>
        /// The application, its participants, their audit entries and the Idempotency-Key go to PostgreSQL as one batch of
        /// at most nine statements, which it runs as one implicit transaction (everything or nothing, committed at the end of
        /// the batch). Without EF's own transaction the submission costs one round trip instead of two (BEGIN with the
        /// batch, then COMMIT), and under a burst that round trip is a large share of each application's cost.
        /// </summary>
        private async Task SubmitAsync(CancellationToken ct)
        {
            var behaviour = db.Database.AutoTransactionBehavior;
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.Database.AutoTransactionBehavior = behaviour;
            }
        }

        /// <summary>
        /// A retry of an application stored before its request failed (the same Idempotency-Key and body): it is
        /// placed now if no batch or sweep has done so yet, and answered as the first request would have been.
        /// </summary>
        private async Task<ApplicationView> FinishAsync(RecruitmentTerms recruitment, Guid applicationId, CancellationToken ct)
        {
            var stored = ApplicationView.From(await db.Set<Application>().AsNoTracking().Include(a => a.Participants).SingleAsync(a => a.Id == applicationId, ct));
            var decision = await placement.PlaceAsync(recruitment.Id, applicationId, PendingAnswer.For(idempotency.Claim, stored), ct);
            return stored with { Status = decision.Status, WaitlistPosition = decision.WaitlistPosition, DecidedAt = decision.DecidedAt };
        }

        private Jst ResolveJst(string? requested)
        {
            if (!caller.Is(Roles.JstCoordinator) && string.IsNullOrWhiteSpace(requested))
            {
                throw Problem.Validation("teryt", new Text("Name the JST you apply for on its behalf (its TERYT code).",
                    "Podaj JST, w imieniu której składasz zgłoszenie (kod TERYT)."));
            }

            var teryt = caller.Is(Roles.JstCoordinator) ? caller.Teryt : requested;
            if (caller.Is(Roles.JstCoordinator) && requested is not null && JstRegister.Canonical(requested) != JstRegister.Canonical(caller.Teryt))
            {
                throw Problem.Validation("teryt", new Text("A coordinator applies for its own JST only; leave teryt out.",
                    "Koordynator składa zgłoszenie tylko za swoją JST; pomiń pole teryt."));
            }

            return JstRegister.Find(teryt) ?? throw Problem.Unprocessable(new Text(
                $"There is no local-government unit with TERYT code '{teryt}' in the register (GUS TERC, 2024-01-01). Search it with GET /api/v1/jst.",
                $"W rejestrze (GUS TERC, 2024-01-01) nie ma jednostki samorządu o kodzie TERYT '{teryt}'. Wyszukaj ją: GET /api/v1/jst."),
                "unknown-teryt");
        }

        private static ProblemException AlreadyApplied(Jst jst) => Problem.Conflict(new Text(
            $"{jst.Name} ({jst.CanonicalTeryt}) already has an application in this recruitment; withdraw it before applying again.",
            $"{jst.Name} ({jst.CanonicalTeryt}) ma już zgłoszenie w tym naborze; wycofaj je przed ponownym zgłoszeniem."), "already-applied");
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapPost("/{recruitmentId:guid}/applications", async (Guid recruitmentId, Request r, IMediator mediator, CancellationToken ct) =>
            {
                var answer = await mediator.Send(new Command(recruitmentId, r.Teryt, r.Participants, r.RodoClauseVersion, r.Questionnaire), ct);
                return TypedResults.Created(ApplicationView.Location(answer.Id), answer);
            })
            .WithName("ApplyToRecruitment")
            .WithSummary("Apply for a JST to join the pilot")
            .WithDescription("By the JST's coordinator (for the JST in its token) or by the programme team on its behalf (naming `teryt`). " +
                             "One active application per JST. In a first-come recruitment the answer says at once whether it took a place " +
                             "(`accepted`) or is on the waiting list (`waitlisted`, with its position); the quota holds under any load. In a ranked " +
                             "recruitment it stays `submitted` until the allocation run after the window closes.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.JstCoordinator)
            .Idempotent(IdempotentAnswer.RecordedByUseCase)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestExample(new Request(null,
                [new ParticipantRequest("Ewa Zielińska", "naczelniczka Wydziału Edukacji", "ewa.zielinska@uml.lodz.pl", "+48 42 000 00 00")],
                "RODO-2024-04", ApplicationView.Example.Questionnaire))
            .WithResponseExample(StatusCodes.Status201Created, ApplicationView.Example);
}
