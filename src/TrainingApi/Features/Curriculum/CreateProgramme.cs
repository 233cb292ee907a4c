using FluentValidation;
using Mediator;
using TrainingApi.Common.Events;
using TrainingApi.Common.Http;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Slugs;

namespace TrainingApi.Features.Curriculum;

public static class CreateProgramme
{
    /// <param name="Slug">
    /// Its name in persistent addresses (<c>/id/programmes/{slug}</c>): a-z, 0-9 and single hyphens, 3–80 characters. Made from
    /// the title when left out (Polish letters folded: ł → l). Never reused by another programme; fixed once a release exists.
    /// </param>
    public sealed record Request(string Title, string? Summary, string? Slug = null);

    public sealed record Command(string Title, string? Summary, string? Slug = null) : ICommand<Versioned<ProgrammeView>>;

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
            var now = clock.UtcNowForDatabase();
            var title = command.Title.Trim();
            var programme = new Programme(title, command.Summary?.Trim(), ProgrammeSlugs.Choose(command.Slug, title), now);
            await slugs.EnsureFreeAsync(programme.Id, programme.Slug, ct);
            db.Add(programme);
            events.Publish(new ProgrammeCreated(programme.Id, programme.Title));
            await slugs.SaveAsync(programme, now, ct);
            return new(ProgrammeView.From(programme), programme.Version);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async (Request request, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(request.Title, request.Summary, request.Slug), ct);
                http.Response.Headers.ETag = EntityTags.Format(created.Version);
                return TypedResults.Created($"/api/v1/programmes/{created.Value.Id}", created.Value);
            })
            .WithName("CreateProgramme")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .Idempotent()
            .SendsETag(StatusCodes.Status201Created)
            .WithSummary("Create a training programme")
            .WithDescription("Creates the programme a team of experts will write versions of. Answers with its ETag. Its `slug` (made from " +
                             "the title unless given) names it in persistent addresses; a slug another programme holds or ever held is 409 " +
                             "`slug-taken` with a free `suggestedSlug`.")
            .ProducesValidationProblem()
            .ProducesTypedProblem(StatusCodes.Status409Conflict, ProgrammeSlugs.SlugTaken)
            .WithRequestExample(new Request(ProgrammeView.Example.Title, ProgrammeView.Example.Summary))
            .WithResponseExample(StatusCodes.Status201Created, ProgrammeView.Example);
}
