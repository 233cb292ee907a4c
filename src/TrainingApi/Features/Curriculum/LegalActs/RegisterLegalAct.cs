using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum.LegalActs;

public static class RegisterLegalAct
{
    public sealed record Request(string Citation, string Title, DateOnly PublishedOn);

    public sealed record Command(string Citation, string Title, DateOnly PublishedOn) : ICommand<LegalActView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Citation).NotEmpty().Matches(LegalAct.CitationPattern)
                .WithMessage(_ => new Text("Cite the act as in the Journal of Laws, e.g. “Dz.U. 2023 poz. 1234”.", "Podaj akt jak w Dzienniku Ustaw, np. „Dz.U. 2023 poz. 1234”.").ToString());
            RuleFor(c => c.Title).NotEmpty().MaximumLength(LegalAct.TitleMaxLength);
            RuleFor(c => c.PublishedOn).InclusiveBetween(new DateOnly(1918, 1, 1), new DateOnly(2100, 1, 1));
        }
    }

    public sealed class Handler(TrainingDb db, TimeProvider clock) : ICommandHandler<Command, LegalActView>
    {
        public async ValueTask<LegalActView> Handle(Command command, CancellationToken cancellationToken)
        {
            var citation = LegalAct.NormaliseCitation(command.Citation)!;
            if (await db.Set<LegalAct>().AnyAsync(a => a.Citation == citation, cancellationToken))
            {
                throw Problem.Conflict(new Text($"{citation} is already in the register.", $"{citation} jest już w rejestrze."), "legal-act-exists");
            }

            var act = new LegalAct(citation, command.Title.Trim(), command.PublishedOn, clock.UtcNowForDatabase());
            db.Add(act);
            await db.SaveChangesAsync(cancellationToken);
            return LegalActView.From(act);
        }
    }

    public static void Map(RouteGroupBuilder acts) =>
        acts.MapPost("/", async (Request request, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(request.Citation, request.Title, request.PublishedOn), ct);
                return TypedResults.Created($"/api/v1/legal-acts/{created.Id}", created);
            })
            .WithName("RegisterLegalAct")
            .WithSummary("Add a legal act to the register")
            .WithDescription("Sections cite acts by their citation; \"Dz. U. z 2024 r. poz. 737\" is stored as \"Dz.U. 2024 poz. 737\".")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .Idempotent()
            .ProducesValidationProblem()
            .WithRequestExample(new Request(LegalActView.Example.Citation, LegalActView.Example.Title, LegalActView.Example.PublishedOn))
            .WithResponseExample(StatusCodes.Status201Created, LegalActView.Example);
}
