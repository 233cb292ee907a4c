using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Sections;

public static class DeleteSection
{
    public sealed record Command(Guid VersionId, string Anchor) : ICommand;

    public sealed class Handler(TrainingDb db, Access access, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var version = await access.FindVisibleAsync(db.Set<ProgrammeVersion>(), v => v.Id == command.VersionId,
                CurriculumModule.VersionNoun, command.VersionId, cancellationToken);
            var sections = await db.Set<Section>().Where(s => s.VersionId == version.Id).ToListAsync(cancellationToken);
            var section = sections.FirstOrDefault(s => s.Anchor == command.Anchor) ?? throw Problem.NotFound(SectionRules.SectionNoun, command.Anchor);
            version.EnsureEditable();
            if (sections.Any(s => s.ParentId == section.Id))
            {
                throw Problem.Conflict(new Text($"Section '{section.Anchor}' has subsections; delete or move them first.",
                    $"Sekcja '{section.Anchor}' ma podsekcje; najpierw je usuń albo przenieś."), "section-has-children");
            }

            db.Remove(section);
            SectionRules.Renumber([.. sections.Where(s => s.Id != section.Id)], section.ParentId, clock.UtcNowForDatabase());
            return Unit.Value;
        }
    }

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapDelete("/{versionId:guid}/sections/{anchor}", async (Guid versionId, string anchor, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Command(versionId, anchor), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteSection")
            .WithSummary("Delete a section of a draft")
            .WithDescription("Only a section without subsections, only in a draft. Its siblings close the gap.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
