using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Features.SelfAssessment.Rounds;

/// <summary>
/// The system closes the open round whose deadline passed first, under the round's row lock (the one closing by hand
/// takes), re-reading it after taking the lock, so any number of instances sweeping at once close each round once.
/// Sent by <see cref="RoundDeadlineSweeper"/> until no open round is past its deadline, one round per transaction.
/// </summary>
public static class CloseSelfAssessmentsAtDeadline
{
    /// <summary>Answers whether this command closed the round; null when no open round was past its deadline.</summary>
    public sealed record Command : IPollingCommand<bool?>
    {
        public bool FoundWork(bool? response) => response is not null;
    }

    public sealed class Handler(TrainingDb db, RoundClosing closing, TimeProvider clock) : ICommandHandler<Command, bool?>
    {
        public async ValueTask<bool?> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var due = await db.Set<AssessmentRound>().Where(r => r.Status == SelfAssessmentStatus.Open && r.Deadline <= now)
                .OrderBy(r => r.Deadline).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (due is not { } roundId)
            {
                return null;
            }

            await db.LockRowAsync<AssessmentRound>(roundId, RowLock.Update, cancellationToken);
            var round = await db.Set<AssessmentRound>().SingleAsync(r => r.Id == roundId, cancellationToken);
            if (round.IsClosed)
            {
                return false;
            }

            await closing.CloseAsync(round, AssessmentRound.ClosedAtDeadline, cancellationToken);
            return true;
        }
    }
}
