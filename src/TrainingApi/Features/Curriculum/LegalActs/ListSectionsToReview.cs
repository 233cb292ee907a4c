using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.LegalActs;

public static class ListSectionsToReview
{
    public sealed record SectionToReview(Guid ProgrammeId, Guid VersionId, string VersionLabel, VersionStatus VersionStatus, string Anchor, string Title, string Reason, DateTimeOffset UpdatedAt);

    public sealed record Query(Guid? ProgrammeId, Guid? LegalActId, int Limit, string? Cursor) : IQuery<Page<SectionToReview>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Page<SectionToReview>>
    {
        public async ValueTask<Page<SectionToReview>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = from s in db.Set<Section>().AsNoTracking()
                       join v in db.Set<ProgrammeVersion>() on s.VersionId equals v.Id
                       where s.ReviewNeeded && v.Status != VersionStatus.Superseded
                       select new { s.Id, v.ProgrammeId, VersionId = v.Id, v.Label, v.Status, s.Anchor, s.Title, s.ReviewReason, s.UpdatedAt };
            if (query.ProgrammeId is { } programme)
            {
                rows = rows.Where(r => r.ProgrammeId == programme);
            }

            if (query.LegalActId is { } act)
            {
                rows = rows.Where(r => db.Set<SectionCitation>().Any(c => c.SectionId == r.Id && c.LegalActId == act));
            }

            return await rows.ToKeysetPageAsync(r => r.UpdatedAt, r => r.Id, query.Cursor, query.Limit,
                r => new SectionToReview(r.ProgrammeId, r.VersionId, r.Label, r.Status, r.Anchor, r.Title, r.ReviewReason ?? "", r.UpdatedAt), cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder sectionsToReview) =>
        sectionsToReview.MapGet("/", async (Guid? programmeId, Guid? legalActId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(programmeId, legalActId, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListSectionsToReview")
            .WithSummary("List sections flagged for review after a law changed")
            .WithDescription("Sections of live versions that cite an amended act, with the reason; filter by programme and by act. " +
                             "A flag clears when the section is edited in a draft.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<SectionToReview>([new SectionToReview(ProgrammeView.Example.Id, VersionView.Example.Id, "1.0",
                VersionStatus.InPilot, "modul-3-1", "Zagrożenia cyberbezpieczeństwa w szkołach", "Dz.U. 2024 poz. 1077 zmieniony 2024-06-12 (Dz.U. 2024 poz. 854)",
                new DateTimeOffset(2024, 6, 13, 8, 0, 0, TimeSpan.Zero))], null));
}
