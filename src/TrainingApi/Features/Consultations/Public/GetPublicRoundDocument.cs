using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Consultations.Public;

public static class GetPublicRoundDocument
{
    public sealed record Query(Guid RoundId) : IQuery<PublicDocumentView>;

    /// <summary>Reads the consulted version through Curriculum's public read (<see cref="VersionContents"/>), never its tables.</summary>
    public sealed class Handler(TrainingDb db, VersionContents contents) : IQueryHandler<Query, PublicDocumentView>
    {
        public async ValueTask<PublicDocumentView> Handle(Query query, CancellationToken ct)
        {
            var round = await db.Set<ConsultationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.RoundId, ct)
                        ?? throw Problem.NotFound(ConsultationsModule.RoundNoun, query.RoundId);
            var version = await contents.FindAsync(round.VersionId, ct) ?? throw new InvalidOperationException($"Round {round.Id} names a missing version.");
            return new PublicDocumentView(round.Id, version.VersionId, version.ProgrammeTitle, version.Label,
                [.. version.Sections.Select(s => new PublicSection(s.Anchor, s.ParentAnchor, s.Depth, s.Kind, s.Title, s.Html, s.Markdown, s.Hours, s.Outcomes,
                    s.DeliveryForms, s.TargetRoles, s.LegalActs))]);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/{roundId:guid}/document", async (Guid roundId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                PublicAnswers.Ok(http, await mediator.Send(new Query(roundId), ct)))
            .WithName("GetPublicConsultationDocument")
            .WithSummary("The text under consultation (public)")
            .WithDescription("The version the round consults, section by section in document order, with each section's stable anchor (what " +
                             "comments refer to), its HTML as published and its Markdown source, hours, learning outcomes and cited acts. " +
                             "Anonymous; `Cache-Control: public`, ETag and 304.")
            .AllowAnonymous()
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, PublicDocumentView.Example);
}
