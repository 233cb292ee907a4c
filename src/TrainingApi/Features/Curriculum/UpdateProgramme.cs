using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Slugs;

namespace TrainingApi.Features.Curriculum;

public static class UpdateProgramme
{
    /// <param name="Slug">A new slug (a-z, 0-9 and single hyphens, 3–80 characters); left out, the slug stays as it is. Fixed once a release exists.</param>
    public sealed record Request(string Title, string? Summary, string? Slug = null);

    public sealed record Command(Guid Id, uint? ExpectedVersion, string Title, string? Summary, string? Slug = null) : ICommand<Versioned<ProgrammeView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(Programme.TitleMaxLength);
            RuleFor(c => c.Summary).MaximumLength(Programme.SummaryMaxLength);
            RuleFor(c => c.Slug).Must(ProgrammeSlug.IsWellFormed!).When(c => c.Slug is not null).WithMessage(ProgrammeSlug.Malformed);
        }
    }

    public sealed class Handler(TrainingDb db, ProgrammeSlugs slugs, EventOutbox events, TimeProvider clock) : ICommandHandler<Command, Versioned<ProgrammeView>>
    {
        public async ValueTask<Versioned<ProgrammeView>> Handle(Command command, CancellationToken ct)
        {
            var programme = await db.Set<Programme>().FirstOrDefaultAsync(p => p.Id == command.Id, ct)
                            ?? throw Problem.NotFound(CurriculumModule.ProgrammeNoun, command.Id);
            await db.ExpectVersionAsync(programme, command.ExpectedVersion, ct);
            var now = clock.UtcNowForDatabase();
            var slug = command.Slug?.Trim() ?? programme.Slug;
            if (programme.Moves(slug))
            {
                await slugs.EnsureFreeAsync(programme.Id, slug, ct);
            }

            programme.Describe(command.Title.Trim(), command.Summary?.Trim(), slug, now);
            events.Publish(new ProgrammeUpdated(programme.Id, programme.Title));
            await slugs.SaveAsync(programme, now, ct);
            return new(ProgrammeView.From(programme), programme.Version);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{programmeId:guid}", async ([FromRoute(Name = "programmeId")] Guid id, Request request, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var expected = EntityTags.RequireIfMatch(http.Request);
                var updated = await mediator.Send(new Command(id, expected, request.Title, request.Summary, request.Slug), ct);
                http.Response.Headers.ETag = EntityTags.Format(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("UpdateProgramme")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .WithSummary("Change a programme's title and summary")
            .WithDescription("Requires the ETag you read in If-Match: 428 without it, 412 when someone changed the programme since. `slug` " +
                             "left out keeps the slug (a new title does not move it); a new one that another programme holds or ever held is 409 " +
                             "`slug-taken`, and once a release of the programme exists the slug is part of persistent addresses: another is 409 `slug-frozen`.")
            .ProducesValidationProblem()
            .ProducesTypedProblem(StatusCodes.Status409Conflict, ProgrammeSlugs.SlugTaken)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch()
            .WithRequestExample(new Request(ProgrammeView.Example.Title, ProgrammeView.Example.Summary))
            .WithResponseExample(StatusCodes.Status200OK, ProgrammeView.Example);
}
