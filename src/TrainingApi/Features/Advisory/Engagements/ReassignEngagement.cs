using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Advisors;

namespace TrainingApi.Features.Advisory.Engagements;

/// <summary>
/// Hands an engagement to another advisor (the first one left, fell ill, or the JST needs other specialisations). The
/// stage, plan, sessions and hours stay with the engagement; from then on only the new advisor sees it. The new
/// advisor's row is locked while their capacity is checked, as when assigning, so racing changes cannot overfill it.
/// </summary>
public static class ReassignEngagement
{
    public sealed record Request(Guid AdvisorId, string Reason);

    public sealed record Command(Guid EngagementId, uint? ExpectedVersion, Guid AdvisorId, string Reason) : ICommand<Versioned<EngagementView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AdvisorId).NotEmpty();
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
        }
    }

    public sealed class Handler(TrainingDb db, Access access, Caller caller, TimeProvider clock) : ICommandHandler<Command, Versioned<EngagementView>>
    {
        public async ValueTask<Versioned<EngagementView>> Handle(Command command, CancellationToken ct)
        {
            var engagement = await EngagementLookup.ForChangeAsync(access, db, command.EngagementId, ct);
            engagement.EnsureOpen();
            await db.ExpectVersionAsync(engagement, command.ExpectedVersion, ct);
            if (engagement.AdvisorId == command.AdvisorId)
            {
                throw Problem.Conflict(new Text("The engagement already has this advisor.", "Ten doradca już prowadzi ten proces doradczy."), "same-advisor");
            }

            var advisor = await AdvisorCapacity.LockWithRoomAsync(db, command.AdvisorId, ct);
            var now = clock.UtcNowForDatabase();
            db.Add(new AdvisorChange(engagement.Id, engagement.AdvisorId, advisor.Id, command.Reason.Trim(), caller.Subject!, now));
            engagement.ReassignTo(advisor.Id);
            await db.SaveChangesAsync(ct);
            return new(EngagementView.From(engagement, advisor.Name), engagement.Version);
        }
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapPut("/{engagementId:guid}/advisor", async (Guid engagementId, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var changed = await mediator.Send(new Command(engagementId, EntityTags.RequireIfMatch(http.Request), r.AdvisorId, r.Reason), ct);
                http.Response.Headers.ETag = EntityTags.Format(changed.Version);
                return TypedResults.Ok(changed.Value);
            })
            .WithName("ReassignEngagement")
            .WithSummary("Hand an engagement to another advisor")
            .WithDescription("By the programme team, with a reason (kept in the engagement's advisor history and audited). The stage, plan, " +
                             "sessions and hours stay; only the new advisor sees the engagement from then on. Within the new advisor's capacity " +
                             "(409 `advisor-at-capacity`); 409 `same-advisor`, `engagement-closed`. Requires If-Match with the ETag from " +
                             "GET /api/v1/engagements/{engagementId}.")
            .RequireRoles(Roles.ProgrammeTeam)
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(Guid.Parse("01936b30-3000-7000-8000-000000000002"), "Doradczyni przeszła do innego projektu; przejmuje doradca z tego samego regionu."))
            .WithResponseExample(StatusCodes.Status200OK, EngagementView.Example with { AdvisorName = "Piotr Kamiński" });
}
