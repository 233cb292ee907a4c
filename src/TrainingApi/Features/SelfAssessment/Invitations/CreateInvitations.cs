using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment.Invitations;

public static class CreateInvitations
{
    public const int MaxPerRequest = 200;

    /// <param name="Role">The respondent's role.</param>
    /// <param name="Name">The invitee's name: required in a round with named respondents, refused in an anonymous one.</param>
    public sealed record InviteeRequest(RespondentRole Role, string? Name);

    /// <param name="Invitees">One entry a link, 1 to 200 at once.</param>
    /// <param name="ExpiresAt">When the links stop working: by default in the configured number of days, never after the round's deadline.</param>
    public sealed record Request([property: Required] IReadOnlyList<InviteeRequest> Invitees, DateTimeOffset? ExpiresAt);

    public sealed record Command(Guid RoundId, IReadOnlyList<InviteeRequest> Invitees, DateTimeOffset? ExpiresAt) : ICommand<CreatedInvitations>;

    /// <param name="Link">The address to hand to the respondent. Shown only in this answer: it cannot be read back.</param>
    /// <param name="Token">The link's secret alone, for a front end that builds its own address.</param>
    public sealed record CreatedInvitation(Guid Id, string Role, string? Name, DateTimeOffset ExpiresAt, string Link, string Token);

    /// <param name="Invitations">The links made, in the order asked for.</param>
    public sealed record CreatedInvitations(Guid RoundId, IReadOnlyList<CreatedInvitation> Invitations);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Invitees).NotEmpty().MaximumItems(MaxPerRequest)
                .WithMessage(_ => new Text($"Make 1 to {MaxPerRequest} invitations at once.", $"Jednorazowo można utworzyć od 1 do {MaxPerRequest} zaproszeń.").ToString());
            RuleForEach(c => c.Invitees).ChildRules(i =>
            {
                i.RuleFor(x => x.Role).IsInEnum();
                i.RuleFor(x => x.Name).MaximumLength(200);
            }).WhenWithinCount(c => c.Invitees, MaxPerRequest);
            RuleFor(c => c.ExpiresAt).Must(e => e > clock.GetUtcNow()).When(c => c.ExpiresAt is not null)
                .WithMessage(_ => new Text("An expiry is in the future.", "Termin ważności musi przypadać w przyszłości.").ToString());
        }
    }

    public sealed class Handler(TrainingDb db, Access access, Caller caller, TimeProvider clock, IOptions<SelfAssessmentOptions> options, PublicBaseUrl baseUrl)
        : ICommandHandler<Command, CreatedInvitations>
    {
        public async ValueTask<CreatedInvitations> Handle(Command command, CancellationToken ct)
        {
            await RoundLookup.FindAsync(access, db, command.RoundId, ct);
            // Shares the round's lock with submissions; closing takes it exclusively, so nobody is invited into a round as it closes.
            await db.LockRowAsync<AssessmentRound>(command.RoundId, RowLock.Share, ct);
            var round = await RoundLookup.FindAsync(access, db, command.RoundId, ct);
            round.EnsureOpen();
            CheckNames(round, command.Invitees);

            var now = clock.UtcNowForDatabase();
            var expiresAt = (command.ExpiresAt ?? now.AddDays(options.Value.InvitationDays)).ForDatabase();
            if (expiresAt > round.Deadline)
            {
                expiresAt = round.Deadline;
            }

            var created = new List<CreatedInvitation>(command.Invitees.Count);
            foreach (var invitee in command.Invitees)
            {
                var (token, hash) = InvitationSecret.Generate();
                var invitation = new Invitation(round.Id, invitee.Role, round.Anonymous ? null : invitee.Name!.Trim(), hash, expiresAt, caller.Subject!, now);
                db.Add(invitation);
                created.Add(new CreatedInvitation(invitation.Id, QueryEnum.Name(invitee.Role), invitation.Name, expiresAt, LinkFor(token), token));
            }

            await db.SaveChangesAsync(ct);
            return new CreatedInvitations(round.Id, created);
        }

        private string LinkFor(string token) =>
            options.Value.LinkTemplate is { Length: > 0 } template
                ? template.Replace("{token}", token, StringComparison.Ordinal)
                : baseUrl.For($"/api/v1/self-assessment-links/{token}");

        private static void CheckNames(AssessmentRound round, IReadOnlyList<InviteeRequest> invitees)
        {
            for (var i = 0; i < invitees.Count; i++)
            {
                var named = !string.IsNullOrWhiteSpace(invitees[i].Name);
                if (round.Anonymous && named)
                {
                    throw Problem.Validation($"invitees[{i}].name", new Text(
                        "This round is anonymous: it records no names. Leave name out, or start a round with named respondents.",
                        "Ta runda jest anonimowa i nie zapisuje nazwisk. Pomiń pole name albo rozpocznij rundę z imiennymi respondentami."));
                }

                if (!round.Anonymous && !named)
                {
                    throw Problem.Validation($"invitees[{i}].name", new Text(
                        "This round has named respondents: give each invitee's name.",
                        "Ta runda ma imiennych respondentów: podaj imię i nazwisko każdej zaproszonej osoby."));
                }
            }
        }
    }

    // Not idempotent by Idempotency-Key on purpose: a replay would need the answer stored, and the answer holds the secrets,
    // which are kept nowhere. A client that lost the answer revokes the links it cannot see and makes new ones.
    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapPost("/{roundId:guid}/invitations", async (Guid roundId, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(roundId, r.Invitees, r.ExpiresAt), ct);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Created($"/api/v1/self-assessments/{roundId}/invitations", created);
            })
            .WithName("CreateSelfAssessmentInvitations")
            .WithSummary("Make invitation links for respondents of a round")
            .WithDescription("One link per invitee and role (education department, school heads, IT, finance, leadership, other), 1 to 200 at once. " +
                             "Each link carries a 256-bit secret and works for one respondent until it expires, is revoked, is submitted or the " +
                             "round closes. The API sends no e-mail: hand the links out yourself. **The links are in this answer only** (sent " +
                             "with `Cache-Control: no-store`); the API keeps only their hashes and cannot show them again. In an anonymous round " +
                             "`name` is refused; in a named one it is required. A closed round is 409 `round-closed`. Not replayed by Idempotency-Key, " +
                             "since the answer would have to be stored with its secrets.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request([new(RespondentRole.EducationDepartment, null), new(RespondentRole.SchoolHead, null)], null))
            .WithResponseExample(StatusCodes.Status201Created, new CreatedInvitations(SelfAssessmentView.Example.Id,
            [
                new(InvitationView.Example.Id, "education-department", null, InvitationView.Example.ExpiresAt,
                    "https://materialy.ore.edu.pl/api/v1/self-assessment-links/sa_q3W9mJm1dXH2c7a0bS5kVf8yYtN4rL6pE2oZx1uC9iA", "sa_q3W9mJm1dXH2c7a0bS5kVf8yYtN4rL6pE2oZx1uC9iA"),
            ]));
}
