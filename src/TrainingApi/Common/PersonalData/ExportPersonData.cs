using FluentValidation;
using Mediator;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.PersonalData;

public static class ExportPersonData
{
    public sealed record Request(string Email);

    public sealed record Query(string Email) : IQuery<PersonalDataExport>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Email).NotEmpty().EmailAddress().MaximumLength(254);
    }

    /// <summary>Participants have no account: the programme team answers their request, by e-mail address, from every holder.</summary>
    public sealed class Handler(TrainingDb db, TimeProvider clock, IEnumerable<IPersonalDataHolder> holders) : IQueryHandler<Query, PersonalDataExport>
    {
        public async ValueTask<PersonalDataExport> Handle(Query query, CancellationToken cancellationToken)
        {
            var email = query.Email.Trim();
            var held = await holders.CollectAsync(h => h.ExportForEmailAsync(db, email, cancellationToken));
            return new PersonalDataExport(email, clock.GetUtcNow(), held, 0, PersonalDataExport.NotePl);
        }
    }

    // POST, not GET: the e-mail address must not end up in URLs and access logs.
    public static void Map(RouteGroupBuilder personalData) =>
        personalData.MapPost("/exports", async (Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(request.Email), ct)))
            .WithName("ExportPersonData")
            .WithSummary("Export the personal data held on a person")
            .WithDescription("Every record any area holds under this e-mail address (`held`: a pilot participant with the JST and recruitment it " +
                             "belongs to, an advisor…), each naming its area and kind (RODO art. 15). Stores nothing.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .WithRequestExample(new Request("ewa.zielinska@uml.lodz.pl"))
            .WithResponseExample(StatusCodes.Status200OK, PersonalDataExport.Example);
}
