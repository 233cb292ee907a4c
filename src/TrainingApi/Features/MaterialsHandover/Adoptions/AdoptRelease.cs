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
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Adoptions;

public static class AdoptRelease
{
    /// <param name="SupersededById">The release that superseded it.</param>
    public sealed record ReleaseSupersededMembers(Guid SupersededById);

    public static readonly ProblemShape<ReleaseSupersededMembers> ReleaseSuperseded = new("release-superseded");

    /// <param name="Project">Where the JST uses the materials, e.g. its project in the 2025–2028 competitive call.</param>
    /// <param name="Call">The competitive call (or other programme) the project is in; adoptions are counted per call.</param>
    /// <param name="Contact">Whom to tell when the release is superseded or a legal act it cites is amended (personal data).</param>
    /// <param name="Teryt">Programme team only: the JST it records the adoption for (told by letter or phone); a coordinator's is the one of its token.</param>
    public sealed record Request(string Project, string Call, AdoptionContact Contact, string? Teryt = null);

    public sealed record Command(Guid ReleaseId, string Project, string Call, AdoptionContact Contact, string? Teryt = null) : ICommand<AdoptionView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Project).NotEmpty().MaximumLength(300);
            RuleFor(c => c.Call).NotEmpty().MaximumLength(Adoption.CallMaxLength);
            RuleFor(c => c.Contact).NotNull().ChildRules(contact =>
            {
                contact.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
                contact.RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(254);
                contact.RuleFor(x => x.Phone).MaximumLength(30).Matches(@"^\+?[0-9 ()-]{6,30}$");
            });
        }
    }

    public sealed class Handler(TrainingDb db, Caller caller, IJstDirectory jsts, TimeProvider clock) : ICommandHandler<Command, AdoptionView>
    {
        public async ValueTask<AdoptionView> Handle(Command command, CancellationToken ct)
        {
            var release = await db.Set<Release>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.ReleaseId && r.Status != ReleaseStatus.Draft, ct)
                          ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, command.ReleaseId);
            if (release.Status == ReleaseStatus.Superseded)
            {
                throw ReleaseSuperseded.Refuse(ProblemKind.Conflict, new Text(
                    $"Release {release.SemanticVersion} has been superseded; adopt the latest one (GET /api/v1/catalogue/releases/latest).",
                    $"Wydanie {release.SemanticVersion} zostało zastąpione; wskaż najnowsze (GET /api/v1/catalogue/releases/latest)."),
                    new(release.SupersededById!.Value));
            }

            var jst = JstOf(command.Teryt);
            var contact = new AdoptionContact(command.Contact.Name.Trim(), command.Contact.Email.Trim(), command.Contact.Phone?.Trim());
            var adoption = new Adoption(release.Id, jst.CanonicalTeryt, jst.Name, command.Project.Trim(), command.Call.Trim(), contact, caller.Subject!,
                clock.UtcNowForDatabase());
            db.Add(adoption);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw Problem.Conflict(new Text($"{jst.Name} has recorded this release already.", $"{jst.Name} już wskazała to wydanie."), "already-adopted");
            }

            return AdoptionView.From(adoption, release.SemanticVersion, withContact: true);
        }

        private JstUnit JstOf(string? teryt)
        {
            if (caller.Is(Roles.JstCoordinator) && !caller.Is(Roles.ProgrammeTeam))
            {
                if (teryt is not null && jsts.Canonical(teryt) != jsts.Canonical(caller.Teryt))
                {
                    throw Problem.Validation("teryt", new Text("A coordinator records adoptions for its own JST; leave teryt out.",
                        "Koordynator wskazuje wydanie dla własnej JST; pomiń teryt."));
                }

                return jsts.Find(caller.Teryt)!;
            }

            return jsts.Find(teryt) ?? throw Problem.Validation("teryt", new Text("Name the JST the adoption is for by a TERYT code of the register.",
                "Wskaż JST, dla której odnotowujesz wskazanie, kodem TERYT z rejestru."));
        }
    }

    public static void Map(RouteGroupBuilder releases) =>
        releases.MapPost("/{releaseId:guid}/adoptions", async (Guid releaseId, Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(releaseId, r.Project, r.Call, r.Contact, r.Teryt), ct);
                return TypedResults.Created($"/api/v1/adoptions/{created.Id}", created);
            })
            .WithName("AdoptRelease")
            .ProducesTypedProblem(StatusCodes.Status409Conflict, ReleaseSuperseded)
            .WithSummary("Record that a JST uses a published release")
            .WithDescription("By the JST's coordinator (or by the programme team for a JST named by `teryt`), for the latest release: the project, the competitive call it is in, and a contact " +
                             "person (personal data: in the RODO export and erasure, never in events). When the release is superseded or a legal " +
                             "act it cites is amended, `adopted-release.affected` names each adopting JST with a reference to its adoption " +
                             "(GET /api/v1/adoptions/{adoptionId}, where the team finds the contact).")
            .RequireRoles(Roles.JstCoordinator, Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(AdoptionView.Example.Project, AdoptionView.Example.Call, AdoptionView.Example.Contact!))
            .WithResponseExample(StatusCodes.Status201Created, AdoptionView.Example);
}
