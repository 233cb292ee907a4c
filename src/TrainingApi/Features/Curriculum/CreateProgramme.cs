using FluentValidation;
using TrainingApi.Common.Events;
using Mediator;
using TrainingApi.Common.Http;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum;

public static class CreateProgramme
{
    public sealed record Request(string Title, string? Summary);

    public sealed record Command(string Title, string? Summary) : ICommand<Versioned<ProgrammeView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(Programme.TitleMaxLength);
            RuleFor(c => c.Summary).MaximumLength(Programme.SummaryMaxLength);
        }
    }

    public sealed class Handler(TrainingDb db, EventOutbox events, TimeProvider clock) : ICommandHandler<Command, Versioned<ProgrammeView>>
    {
        public async ValueTask<Versioned<ProgrammeView>> Handle(Command command, CancellationToken ct)
        {
            var programme = new Programme(command.Title.Trim(), command.Summary?.Trim(), clock.UtcNowForDatabase());
            db.Add(programme);
            events.Publish(new ProgrammeCreated(programme.Id, programme.Title));
            await db.SaveChangesAsync(ct);
            return new(ProgrammeView.From(programme), programme.Version);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async (Request request, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(request.Title, request.Summary), ct);
                http.Response.Headers.ETag = EntityTags.Format(created.Version);
                return TypedResults.Created($"/api/v1/programmes/{created.Value.Id}", created.Value);
            })
            .WithName("CreateProgramme")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .Idempotent()
            .SendsETag(StatusCodes.Status201Created)
            .WithSummary("Create a training programme")
            .WithDescription("Creates the programme a team of experts will write versions of. Answers with its ETag.")
            .ProducesValidationProblem()
            .WithRequestExample(new Request(ProgrammeView.Example.Title, ProgrammeView.Example.Summary))
            .WithResponseExample(StatusCodes.Status201Created, ProgrammeView.Example);
}
