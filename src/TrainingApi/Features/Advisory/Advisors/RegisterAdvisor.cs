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

namespace TrainingApi.Features.Advisory.Advisors;

public static class RegisterAdvisor
{
    /// <param name="Subject">The `sub` claim of the advisor's token (their identity at the OIDC provider).</param>
    /// <param name="Specialisations">Maturity area codes (GET /api/v1/maturity-framework).</param>
    public sealed record Request(string Subject, string Name, string Email, IReadOnlyList<string>? Specialisations, int Capacity);

    public sealed record Command(string Subject, string Name, string Email, IReadOnlyList<string>? Specialisations, int Capacity) : ICommand<AdvisorView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Subject).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Name).NotEmpty().MaximumLength(Advisor.NameMaxLength);
            RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
            RuleFor(c => c.Capacity).InclusiveBetween(1, 50);
            RuleForEach(c => c.Specialisations).Must(code => MaturityFramework.Current.Areas.Any(a => a.Code == code))
                .WithMessage(_ => new Text("Not an area of the maturity framework (GET /api/v1/maturity-framework).",
                    "To nie jest obszar modelu dojrzałości (GET /api/v1/maturity-framework).").ToString());
        }
    }

    public sealed class Handler(TrainingDb db, TimeProvider clock) : ICommandHandler<Command, AdvisorView>
    {
        public async ValueTask<AdvisorView> Handle(Command command, CancellationToken ct)
        {
            var subject = command.Subject.Trim();
            if (await db.Set<Advisor>().AnyAsync(a => a.Subject == subject, ct))
            {
                throw Problem.Conflict(new Text($"An advisor with subject '{subject}' is registered already.", $"Doradca o identyfikatorze '{subject}' jest już zarejestrowany."),
                    "advisor-exists");
            }

            var advisor = new Advisor(subject, command.Name.Trim(), command.Email.Trim(), [.. (command.Specialisations ?? []).Distinct()], command.Capacity,
                clock.UtcNowForDatabase());
            db.Add(advisor);
            await db.SaveChangesAsync(ct);
            return AdvisorView.From(advisor, 0);
        }
    }

    public static void Map(RouteGroupBuilder advisors) =>
        advisors.MapPost("/", async (Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(r.Subject, r.Name, r.Email, r.Specialisations, r.Capacity), ct);
                return TypedResults.Created($"/api/v1/advisors/{created.Id}", created);
            })
            .WithName("RegisterAdvisor")
            .WithSummary("Register an advisor")
            .WithDescription("With the `sub` of their token (so they see their own engagements), specialisations (maturity area codes) and " +
                             "capacity (engagements not yet closed they can hold at once).")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(AdvisorView.Example.Subject, AdvisorView.Example.Name, AdvisorView.Example.Email, AdvisorView.Example.Specialisations, 4))
            .WithResponseExample(StatusCodes.Status201Created, AdvisorView.Example with { ActiveEngagements = 0 });
}
