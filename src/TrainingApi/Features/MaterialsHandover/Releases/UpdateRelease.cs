using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.MaterialsHandover.Releases;

public static class UpdateRelease
{
    public sealed record Request(string Title, [property: Required] IReadOnlyList<ReleaseReason> Reasons, string Notes);

    public sealed record Command(Guid Id, uint? ExpectedVersion, string Title, IReadOnlyList<ReleaseReason> Reasons, string Notes) : ICommand<Versioned<ReleaseView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
            RuleFor(c => c.Reasons).NotEmpty();
            RuleForEach(c => c.Reasons).IsInEnum();
            RuleFor(c => c.Notes).NotEmpty().MaximumLength(Release.NotesMaxLength);
        }
    }

    /// <summary>Only a draft changes; its document is updated with it, so what is published is what was last described.</summary>
    public sealed class Handler(TrainingDb db) : ICommandHandler<Command, Versioned<ReleaseView>>
    {
        public async ValueTask<Versioned<ReleaseView>> Handle(Command command, CancellationToken ct)
        {
            var release = await db.Set<Release>().FirstOrDefaultAsync(r => r.Id == command.Id, ct) ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, command.Id);
            release.EnsureDraft();
            await db.ExpectVersionAsync(release, command.ExpectedVersion, ct);
            var reasons = command.Reasons.Distinct().ToList();
            release.Describe(command.Title.Trim(), reasons, command.Notes.Trim());
            var document = ReleaseJson.Deserialize(release.ContentJson) with { Title = release.Title, Reasons = release.Reasons, Notes = release.Notes };
            release.Rewrite(ReleaseJson.Serialize(document));
            await db.SaveChangesAsync(ct);
            return new(ReleaseView.From(release, []), release.Version);
        }
    }

    public static void Map(RouteGroupBuilder releases) =>
        releases.MapPut("/{releaseId:guid}", async (Guid releaseId, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var updated = await mediator.Send(new Command(releaseId, EntityTags.RequireIfMatch(http.Request), r.Title, r.Reasons, r.Notes), ct);
                http.Response.Headers.ETag = EntityTags.Format(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("UpdateRelease")
            .WithSummary("Change a draft release's title, reasons and notes")
            .WithDescription("Drafts only: a published release is immutable (409 `release-published`). Requires If-Match.")
            .RequireRoles(Roles.ProgrammeTeam)
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(ReleaseView.Example.Title, [ReleaseReason.PilotFindings], ReleaseView.Example.Notes))
            .WithResponseExample(StatusCodes.Status200OK, ReleaseView.Example with { Status = ReleaseStatus.Draft, PublishedAt = null, Files = [] });
}
