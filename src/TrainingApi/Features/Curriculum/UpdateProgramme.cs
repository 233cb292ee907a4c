using Microsoft.AspNetCore.Mvc;
using FluentValidation;
using TrainingApi.Common.Events;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Curriculum;

public static class UpdateProgramme
{
    public sealed record Request(string Title, string? Summary);

    public sealed record Command(Guid Id, uint? ExpectedVersion, string Title, string? Summary) : ICommand<Versioned<ProgrammeView>>;

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
            var programme = await db.Set<Programme>().FirstOrDefaultAsync(p => p.Id == command.Id, ct)
                            ?? throw Problem.NotFound(CurriculumModule.ProgrammeNoun, command.Id);
            await db.ExpectVersionAsync(programme, command.ExpectedVersion, ct);
            programme.Describe(command.Title.Trim(), command.Summary?.Trim(), clock.UtcNowForDatabase());
            events.Publish(new ProgrammeUpdated(programme.Id, programme.Title));
            await db.SaveChangesAsync(ct);
            return new(ProgrammeView.From(programme), programme.Version);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{programmeId:guid}", async ([FromRoute(Name = "programmeId")] Guid id, Request request, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var expected = EntityTags.RequireIfMatch(http.Request);
                var updated = await mediator.Send(new Command(id, expected, request.Title, request.Summary), ct);
                http.Response.Headers.ETag = EntityTags.Format(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("UpdateProgramme")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .WithSummary("Change a programme's title and summary")
            .WithDescription("Requires the ETag you read in If-Match: 428 without it, 412 when someone changed the programme since.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch()
            .WithRequestExample(new Request(ProgrammeView.Example.Title, ProgrammeView.Example.Summary))
            .WithResponseExample(StatusCodes.Status200OK, ProgrammeView.Example);
}
