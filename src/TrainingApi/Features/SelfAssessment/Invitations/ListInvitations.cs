using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment.Invitations;

public static class ListInvitations
{
    public sealed record Query(Guid RoundId, int Limit, string? Cursor) : IQuery<Page<InvitationView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, Access access, TimeProvider clock) : IQueryHandler<Query, Page<InvitationView>>
    {
        public async ValueTask<Page<InvitationView>> Handle(Query query, CancellationToken ct)
        {
            var round = await RoundLookup.FindAsync(access, db, query.RoundId, ct);
            var now = clock.GetUtcNow();
            var page = await db.Set<Invitation>().AsNoTracking().Where(i => i.RoundId == round.Id)
                .ToKeysetPageAsync(i => i.CreatedAt, i => i.Id, query.Cursor, query.Limit, i => i, ct);
            return new Page<InvitationView>([.. page.Items.Select(i => InvitationView.From(i, now))], page.NextCursor);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/{roundId:guid}/invitations", async (Guid roundId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(roundId, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListSelfAssessmentInvitations")
            .WithSummary("List a round's invitations and where each stands")
            .WithDescription("Role, name (named rounds only), status (invited, opened, submitted, revoked, expired) and expiry; never the link, " +
                             "which is kept only as a hash, and never an answer. Oldest first, paged by cursor.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<InvitationView>([InvitationView.Example], null));
}
