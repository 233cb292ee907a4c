using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Consultations.Organisations;

public static class RegisterOrganisation
{
    public sealed record Request(string Name, string? ShortName, OrganisationKind Kind, string? Teryt, bool IsProjectPartner = false);

    public sealed record Command(string Name, string? ShortName, OrganisationKind Kind, string? Teryt, bool IsProjectPartner) : ICommand<OrganisationView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(Organisation.NameMaxLength);
            RuleFor(c => c.ShortName).MaximumLength(Organisation.ShortNameMaxLength);
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Teryt).NotEmpty().Matches("^([0-9]{2}|[0-9]{4}|[0-9]{7})$")
                .When(c => c.Kind == OrganisationKind.Jst)
                .WithMessage(c => Text("A single JST needs its TERYT code (2, 4 or 7 digits).", "Pojedyncza JST wymaga kodu TERYT (2, 4 lub 7 cyfr)."));
            RuleFor(c => c.Teryt).Empty().When(c => c.Kind != OrganisationKind.Jst)
                .WithMessage(c => Text("Only a single JST has a TERYT code.", "Kod TERYT ma tylko pojedyncza JST."));
        }

        private static string Text(string en, string pl) => new Common.Localization.Text(en, pl).ToString();
    }

    public sealed class Handler(TrainingDb db, TimeProvider clock) : ICommandHandler<Command, OrganisationView>
    {
        public async ValueTask<OrganisationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var name = command.Name.Trim();
            if (await db.Set<Organisation>().AnyAsync(o => o.Name == name || (command.Teryt != null && o.Teryt == command.Teryt), cancellationToken))
            {
                throw Problem.Conflict(new("An organisation with this name or TERYT code is already registered.",
                    "Organizacja o tej nazwie lub tym kodzie TERYT jest już zarejestrowana."), "organisation-exists");
            }

            var now = clock.UtcNowForDatabase();
            var organisation = new Organisation(Guid.CreateVersion7(now), name, command.ShortName?.Trim(), command.Kind, command.Teryt, command.IsProjectPartner, now);
            db.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
            return OrganisationView.From(organisation);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async (Request request, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(request.Name, request.ShortName, request.Kind, request.Teryt, request.IsProjectPartner), ct);
                return TypedResults.Created($"/api/v1/organisations/{created.Id}", created);
            })
            .WithName("RegisterOrganisation")
            .WithSummary("Register an organisation")
            .WithDescription("An association, a single JST (with its TERYT code) or another organisation that comments in consultations " +
                             "and may be given API keys. The six national associations are registered already.")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .WithRequestExample(new Request("Gmina Miasto Płock", null, OrganisationKind.Jst, "1462011", false))
            .WithResponseExample(StatusCodes.Status201Created, OrganisationView.Example);
}
