using System.ComponentModel;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Common.Telemetry;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

public static class AllocatePlaces
{
    /// <param name="ApplicationIds">The submitted applications without a score.</param>
    public sealed record UnscoredApplicationsMembers(IReadOnlyList<Guid> ApplicationIds);

    public static readonly ProblemShape<UnscoredApplicationsMembers> UnscoredApplications = new("unscored-applications");

    public sealed record Result(Guid RecruitmentId, bool Final, int Accepted, int Waitlisted, IReadOnlyList<RankedAllocation.Outcome> Ranking);

    public sealed record Command(Guid RecruitmentId, bool Preview) : ICommand<Result>;

    /// <summary>
    /// Preview as often as wanted (nothing changes); the final run, once the window has closed and every application
    /// is scored, applies the same outcome under the recruitment's lock, once.
    /// </summary>
    public sealed class Handler(TrainingDb db, EventOutbox events, TimeProvider clock, BusinessMetrics metrics) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var recruitment = await db.Set<Recruitment>().FirstOrDefaultAsync(r => r.Id == command.RecruitmentId, cancellationToken)
                              ?? throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, command.RecruitmentId);
            if (recruitment.SelectionMode != SelectionMode.Ranked)
            {
                throw Problem.Conflict(new Text("Places in a first-come recruitment are given on arrival; there is nothing to allocate.",
                    "W naborze według kolejności zgłoszeń miejsca przydziela się od razu; nie ma czego rozdzielać."), "not-ranked");
            }

            if (!command.Preview)
            {
                await SlotAllocation.LockAsync(db, recruitment.Id, cancellationToken);
                await db.Entry(recruitment).ReloadAsync(cancellationToken);
                var now = clock.GetUtcNow();
                if (recruitment.AllocatedAt is not null || now < recruitment.ClosesAt)
                {
                    throw Problem.Conflict(new Text(
                        $"Places are allocated once, after the recruitment closes ({WarsawTime.Format(recruitment.ClosesAt)}); use preview=true before that.",
                        $"Miejsca przydziela się raz, po zamknięciu naboru ({WarsawTime.Format(recruitment.ClosesAt)}); wcześniej użyj preview=true."), "allocation-not-allowed");
                }
            }

            var applications = await db.Set<Application>().Where(a => a.RecruitmentId == recruitment.Id && a.Status == ApplicationStatus.Submitted)
                .ToListAsync(cancellationToken);
            var unscored = applications.Where(a => a.Score is null).Select(a => a.Id).ToList();
            if (unscored.Count > 0)
            {
                throw UnscoredApplications.Refuse(ProblemKind.UnprocessableContent, new Text($"{unscored.Count} application(s) have no score yet; score them first.",
                    $"{unscored.Count} zgłoszeń nie ma jeszcze oceny; najpierw je oceń."), new(unscored));
            }

            var outcomes = RankedAllocation.Allocate(
                applications.Select(a => new RankedAllocation.Candidate(a.Id, a.JstTeryt, a.Score!.Value, a.SubmittedAt)),
                recruitment.Capacity, recruitment.MaxPerVoivodeship, recruitment.MaxPerKind);
            var accepted = outcomes.Count(o => o.Accepted);
            if (!command.Preview)
            {
                var now = clock.UtcNowForDatabase();
                var byId = applications.ToDictionary(a => a.Id);
                foreach (var outcome in outcomes)
                {
                    byId[outcome.ApplicationId].Allocate(outcome.Accepted, outcome.WaitlistPosition, now);
                    if (outcome.Accepted)
                    {
                        events.Publish(new ApplicationAccepted(recruitment.Id, outcome.ApplicationId, outcome.Teryt));
                    }
                    else
                    {
                        events.Publish(new ApplicationWaitlisted(recruitment.Id, outcome.ApplicationId, outcome.Teryt, outcome.WaitlistPosition!.Value));
                    }
                }

                recruitment.Allocated(accepted, outcomes.Count - accepted, now);
                await db.SaveChangesAsync(cancellationToken);
                metrics.ApplicationsPlaced(accepted, outcomes.Count - accepted);
            }

            return new Result(recruitment.Id, !command.Preview, accepted, outcomes.Count - accepted, outcomes);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapPost("/{recruitmentId:guid}/allocation", async (Guid recruitmentId, [DefaultValue(true)] bool? preview, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(recruitmentId, preview ?? true), ct)))
            .WithName("AllocatePlaces")
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, UnscoredApplications)
            .WithSummary("Allocate the places of a ranked recruitment (preview, then final)")
            .WithDescription("By score, highest first; ties by earlier submission, then by TERYT code. A JST takes a place while places are left " +
                             "and its voivodeship and kind are under their limits; the rest are waitlisted in ranking order. `preview=true` " +
                             "(the default) changes nothing; `preview=false` applies it, once, after the window has closed.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithResponseExample(StatusCodes.Status200OK, new Result(Guid.Parse("01936b30-1000-7000-8000-000000000020"), false, 1, 1,
            [
                new RankedAllocation.Outcome(Guid.Parse("01936b30-2000-7000-8000-000000000021"), "1061", 1, 91, true, null, null),
                new RankedAllocation.Outcome(Guid.Parse("01936b30-2000-7000-8000-000000000023"), "1062011", 2, 88, false, 1, "voivodeship-limit"),
            ]));
}
