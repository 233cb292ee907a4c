using System.ComponentModel;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Submissions;

public static class ListSubmissions
{
    public sealed record Query(Guid RoundId, Guid? OrganisationId, string? ExternalReference, int Limit, string? Cursor, DateTimeOffset? UpdatedSince = null)
        : IQuery<Page<SubmissionSummary>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Page<SubmissionSummary>>
    {
        public async ValueTask<Page<SubmissionSummary>> Handle(Query query, CancellationToken ct)
        {
            await RoundLookup.EnsureExistsAsync(db, query.RoundId, ct);

            var submissions = access.Visible(db.Set<Submission>().AsNoTracking()).Where(s => s.RoundId == query.RoundId);
            if (query.OrganisationId is { } organisationId)
            {
                submissions = submissions.Where(s => s.OrganisationId == organisationId);
            }

            if (!string.IsNullOrWhiteSpace(query.ExternalReference))
            {
                submissions = submissions.Where(s => s.ExternalReference == query.ExternalReference);
            }

            if (query.UpdatedSince is { } since)
            {
                return await submissions.Where(s => s.UpdatedAt >= since)
                    .ToKeysetPageAsync(s => s.UpdatedAt, s => s.Id, query.Cursor, query.Limit, SubmissionSummary.From, ct);
            }

            return await submissions.ToKeysetPageAsync(s => s.SubmittedAt, s => s.Id, query.Cursor, query.Limit, SubmissionSummary.From, ct);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/{roundId:guid}/submissions",
                async (Guid roundId, Guid? organisationId, string? externalReference, [Description(UpdatedSince.Description)] string? updatedSince,
                        int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(roundId, organisationId, externalReference, limit ?? KeysetCursor.DefaultLimit, cursor,
                        UpdatedSince.Parse(updatedSince)), ct)))
            .WithName("ListConsultationSubmissions")
            .WithSummary("List a round's submissions")
            .WithDescription("In the order received, paged by cursor. A partner system sees only its organisation's submissions (find one by " +
                             "`externalReference`), a coordinator only its JST's; the team and experts see all and may filter by `organisationId`. With `updatedSince`, only submissions that changed " +
                             "since then (arrived, or one of their comments was answered or taken in), in the order they changed.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Partner, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<SubmissionSummary>([SubmissionSummary.Example], null));
}
