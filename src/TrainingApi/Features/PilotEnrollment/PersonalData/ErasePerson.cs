using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.PersonalData;

public static class ErasePerson
{
    public sealed record Request(string Email);

    /// <param name="OtherRecordsErased">Records of other areas erased under the same address (e.g. an advisor).</param>
    public sealed record Result(int ParticipantRecordsErased, int OtherRecordsErased);

    public sealed record Command(string Email) : ICommand<Result>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
    }

    /// <summary>
    /// Names, e-mail addresses and phones go; the participant rows stay (as "[usunięto]"), so applications keep
    /// their number of participants and the pilot's statistics do not change. The audit log never held the values.
    /// </summary>
    public sealed class Handler(TrainingDb db, TimeProvider clock, IEnumerable<IPersonalDataHolder> holders) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = LikePattern.Exactly(command.Email);
            var people = await db.Set<Participant>().Where(p => EF.Functions.ILike(p.Email, email, LikePattern.Escape)).ToListAsync(cancellationToken);
            var now = clock.UtcNowForDatabase();
            people.ForEach(p => p.Erase(now));
            var others = 0;
            foreach (var holder in holders)
            {
                others += await holder.EraseAsync(db, command.Email, now, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            return new Result(people.Count, others);
        }
    }

    public static void Map(RouteGroupBuilder personalData) =>
        personalData.MapPost("/erasures", async (Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(request.Email), ct)))
            .WithName("ErasePerson")
            .WithSummary("Erase a person's personal data")
            .WithDescription("RODO art. 17: every participant record with this e-mail address loses its name, e-mail and phone, and so does every " +
                             "record other areas hold under it (an advisor's name and e-mail); counts, statistics, engagements and reports are kept. " +
                             "Idempotent: erasing again finds nothing.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .WithRequestExample(new Request("ewa.zielinska@uml.lodz.pl"))
            .WithResponseExample(StatusCodes.Status200OK, new Result(2, 0));
}
