using FluentValidation;
using Mediator;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.PersonalData;

/// <summary>
/// The system erases all the personal data every <see cref="IPersonalDataHolder"/> keeps, once the retention date has
/// passed: all holders or none, in one transaction, each erased record audited, and the answers stored for
/// Idempotency-Keys lose the erased values too. Sent daily by <see cref="PersonalDataRetention"/>.
/// </summary>
public static class EraseExpiredPersonalData
{
    /// <param name="EraseAfter">The retention date (<see cref="RetentionOptions.EraseAfter"/>) the sender found passed.</param>
    public sealed record Command(DateOnly EraseAfter) : ICommand<int>;

    /// <summary>Refuses a date not yet passed: erasing everything is irreversible, so the command checks what its sender did.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock) =>
            RuleFor(c => c.EraseAfter).Must(after => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) > after)
                .WithMessage(_ => new Text("Personal data is kept until the retention date has passed.",
                    "Dane osobowe są przechowywane do upływu okresu przechowywania.").ToString());
    }

    /// <summary>Answers how many records had personal data erased.</summary>
    public sealed class Handler(TrainingDb db, TimeProvider clock, IEnumerable<IPersonalDataHolder> holders, IdempotentAnswers answers)
        : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.UtcNowForDatabase();
            var erased = await holders.EraseAsync(h => h.EraseAllAsync(db, now, cancellationToken));
            await answers.RedactAsync(db, ErasedValues.From(db.ChangeTracker), cancellationToken);
            return erased;
        }
    }
}
