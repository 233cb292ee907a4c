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
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;

namespace TrainingApi.Features.Consultations.Registrations;

public static class RegisterForMeeting
{
    /// <param name="Representatives">The representatives registered already, as paths in the body (<c>representatives[0]</c>).</param>
    public sealed record AlreadyRegisteredMembers(IReadOnlyList<string> Representatives);

    /// <param name="PlacesLeft">The places still free (0 when none).</param>
    public sealed record MeetingFullMembers(int PlacesLeft);

    public static readonly ProblemShape<AlreadyRegisteredMembers> AlreadyRegistered = new("already-registered");
    public static readonly ProblemShape<MeetingFullMembers> MeetingFull = new("meeting-full");

    public sealed record RepresentativeRequest(string Name, string Email, string? Phone, string? Position);

    /// <param name="OrganisationId">Only when the programme team registers an organisation's representatives.</param>
    public sealed record Request(Guid? OrganisationId, [property: Required] IReadOnlyList<RepresentativeRequest> Representatives);

    public sealed record Command(Guid MeetingId, Guid? OrganisationId, IReadOnlyList<RepresentativeRequest> Representatives) : ICommand<RegistrationView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Representatives).NotEmpty().MaximumItems(MeetingRegistration.MaxRepresentatives)
                .WithMessage(_ => new Text($"Register 1 to {MeetingRegistration.MaxRepresentatives} representatives at a time.",
                    $"Zarejestruj od 1 do {MeetingRegistration.MaxRepresentatives} przedstawicieli naraz.").ToString());
            RuleForEach(c => c.Representatives).ChildRules(p =>
            {
                p.RuleFor(x => x.Name).NotEmpty().MaximumLength(MeetingRepresentative.NameMaxLength);
                p.RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(MeetingRepresentative.EmailMaxLength);
                p.RuleFor(x => x.Phone).MaximumLength(MeetingRepresentative.PhoneMaxLength);
                p.RuleFor(x => x.Position).MaximumLength(MeetingRepresentative.PositionMaxLength);
            });
            RuleForEach(c => c.Representatives).NotNull();
            RuleForEach(c => c.Representatives)
                .Must((c, p, _) => p is null || c.Representatives.Count(x => x is not null && Normalise(x.Email) == Normalise(p.Email)) == 1)
                .WithMessage(_ => new Text("The same e-mail address appears twice; each representative is registered once.",
                    "Ten sam adres e-mail występuje dwa razy; każdego przedstawiciela rejestruje się raz.").ToString())
                .When(c => c.Representatives is not null);
        }
    }

    public static string Normalise(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>
    /// Sign-ups of one meeting run one at a time under a row lock on the meeting (FOR NO KEY UPDATE: the representatives'
    /// foreign keys to it do not wait on it), so places are counted and taken in one step and a meeting is never overbooked.
    /// </summary>
    public sealed class Handler(TrainingDb db, Caller caller, IJstDirectory jsts, TimeProvider clock) : ICommandHandler<Command, RegistrationView>
    {
        public async ValueTask<RegistrationView> Handle(Command command, CancellationToken ct)
        {
            var now = clock.UtcNowForDatabase();
            var organisationId = await OrganisationAsync(command, now, ct);
            var meeting = await db.FindLockedAsync<ConsultationMeeting>(command.MeetingId, RowLock.NoKeyUpdate, tracked: false, ct)
                          ?? throw Problem.NotFound(ConsultationsModule.MeetingNoun, command.MeetingId);
            if (meeting.RegistrationCapacity is not { } capacity)
            {
                throw Problem.Conflict(new Text("Sign-up for this meeting is not open.", "Zapisy na to spotkanie nie są otwarte."), "registration-not-open");
            }

            if (meeting.StartsAt <= now)
            {
                throw Problem.Conflict(new Text($"The meeting started at {WarsawTime.Format(meeting.StartsAt)}; sign-up is over.",
                    $"Spotkanie rozpoczęło się {WarsawTime.Format(meeting.StartsAt)}; zapisy są zakończone."), "meeting-started");
            }

            var emails = command.Representatives.Select(p => Normalise(p.Email)).ToList();
            var taken = await db.Set<MeetingRepresentative>().Where(p => p.MeetingId == meeting.Id && emails.Contains(p.Email)).Select(p => p.Email).ToListAsync(ct);
            if (taken.Count > 0)
            {
                throw AlreadyRegistered.Refuse(ProblemKind.Conflict, new Text($"{taken.Count} of these people are registered for this meeting already.",
                    $"{taken.Count} z tych osób jest już zarejestrowanych na to spotkanie."), new([.. emails.Select((e, i) => (e, i)).Where(x => taken.Contains(x.e)).Select(x => $"representatives[{x.i}]")]));
            }

            var registered = await db.Set<MeetingRepresentative>().CountAsync(p => p.MeetingId == meeting.Id, ct);
            var left = capacity - registered;
            if (command.Representatives.Count > left)
            {
                throw MeetingFull.Refuse(ProblemKind.Conflict, new Text(
                    $"The meeting has {Math.Max(0, left)} place(s) left; {command.Representatives.Count} were asked for.",
                    $"Na spotkaniu zostało {Math.Max(0, left)} miejsc; zgłoszono {command.Representatives.Count} osób."), new(Math.Max(0, left)));
            }

            var registration = new MeetingRegistration(meeting.Id, organisationId,
                command.Representatives.Select(p => new MeetingRepresentative(p.Name.Trim(), Normalise(p.Email), Blank(p.Phone), Blank(p.Position))),
                caller.Subject!, now);
            db.Add(registration);
            await db.SaveChangesAsync(ct);
            return RegistrationView.From(registration);
        }

        private async Task<Guid> OrganisationAsync(Command command, DateTimeOffset now, CancellationToken ct)
        {
            if (caller.Is(Roles.ProgrammeTeam))
            {
                var id = command.OrganisationId ?? throw Problem.Validation("organisationId", new Text(
                    "Name the organisation whose representatives you register.", "Podaj organizację, której przedstawicieli rejestrujesz."));
                return await db.Set<Organisation>().AnyAsync(o => o.Id == id, ct) ? id
                    : throw Problem.Unprocessable(new Text($"Organisation {id} is not in the register.", $"Organizacji {id} nie ma w rejestrze."), "unknown-organisation");
            }

            if (command.OrganisationId is not null)
            {
                throw Problem.Validation("organisationId", new Text("Only the programme team registers another organisation's representatives.",
                    "Tylko zespół projektu rejestruje przedstawicieli innej organizacji."));
            }

            if (caller.Is(Roles.Partner))
            {
                return caller.OrganisationId!.Value;
            }

            var jst = jsts.Find(caller.Teryt) ?? throw new InvalidOperationException("A coordinator token names a JST of the register.");
            return await JstOrganisations.EnsureAsync(db, jst, now, ct);
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPost("/{meetingId:guid}/registrations", async (Guid meetingId, Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(meetingId, r.OrganisationId, r.Representatives), ct);
                return TypedResults.Created($"/api/v1/consultation-meetings/{meetingId}/registrations/{created.Id}", created);
            })
            .WithName("RegisterForConsultationMeeting")
            .ProducesTypedProblem(StatusCodes.Status409Conflict, AlreadyRegistered, MeetingFull)
            .WithSummary("Register an organisation's representatives for a meeting")
            .WithDescription($"1 to {MeetingRegistration.MaxRepresentatives} people, each taking one place. A partner system registers for its " +
                             "organisation, a coordinator for its JST, the team for any organisation (`organisationId`). All or none: not open → 409 " +
                             "`registration-not-open`, too few places → 409 `meeting-full` with `placesLeft`, someone registered already (by e-mail) → " +
                             "409 `already-registered`, the meeting started → 409 `meeting-started`. Names, e-mails and phones are personal data: they " +
                             "are shown only to the team and the registering organisation, never publicly, and are covered by the RODO export and erasure.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Partner, Roles.JstCoordinator)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request(null, [new RepresentativeRequest("Anna Kowalska", "a.kowalska@zmp.example.pl", "+48 600 000 000", "ekspertka ds. edukacji")]))
            .WithResponseExample(StatusCodes.Status201Created, RegistrationView.Example);
}
