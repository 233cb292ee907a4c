using FluentValidation;
using Mediator;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.PersonalData;

public static class ErasePerson
{
    public sealed record Request(string Email);

    /// <param name="RecordsErased">Records of any area whose personal data went (participants, an advisor…); 0 when nothing matched.</param>
    public sealed record Result(int RecordsErased);

    public sealed record Command(string Email) : ICommand<Result>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
    }

    /// <summary>
    /// Every holder erases what it keeps under the address, in this command's one transaction; the records stay (as
    /// "[usunięto]"), so counts and statistics do not change. The audit log records that they changed, never the values.
    /// The answers stored for Idempotency-Keys lose the erased values too, in the same transaction: a replay of the request
    /// that named the person shows her as her records now read.
    /// </summary>
    public sealed class Handler(TrainingDb db, TimeProvider clock, IEnumerable<IPersonalDataHolder> holders, IdempotentAnswers answers)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email.Trim();
            var now = clock.UtcNowForDatabase();
            var erased = await holders.EraseAsync(h => h.EraseAsync(db, email, now, cancellationToken));
            var values = ErasedValues.From(db.ChangeTracker);
            ErasedValues.Add(values, email, ErasedPersonalData.Marker);
            await answers.RedactAsync(db, values, cancellationToken);
            return new Result(erased);
        }
    }

    public static void Map(RouteGroupBuilder personalData) =>
        personalData.MapPost("/erasures", async (Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(request.Email), ct)))
            .WithName("ErasePerson")
            .WithSummary("Erase a person's personal data")
            .WithDescription("RODO art. 17: every record any area holds under this e-mail address loses its personal data (a participant's name, " +
                             "e-mail and phone; an advisor's name and e-mail); counts, statistics, engagements and reports are kept, and the audit log " +
                             "records each erasure without the values. Answers kept for Idempotency-Key replays show the erased values as the records now " +
                             "read. Idempotent: erasing again finds nothing.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .WithRequestExample(new Request("ewa.zielinska@uml.lodz.pl"))
            .WithResponseExample(StatusCodes.Status200OK, new Result(2));
}
