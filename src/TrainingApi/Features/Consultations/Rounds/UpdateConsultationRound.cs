using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Submissions;

namespace TrainingApi.Features.Consultations.Rounds;

public static class UpdateConsultationRound
{
    public sealed record Request(string Title, string? Description, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

    public sealed record Command(Guid Id, uint? ExpectedVersion, string Title, string? Description, DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
        : ICommand<Versioned<RoundView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(ConsultationRound.TitleMaxLength);
            RuleFor(c => c.Description).MaximumLength(ConsultationRound.DescriptionMaxLength);
            RuleFor(c => c.ClosesAt).GreaterThan(c => c.OpensAt)
                .WithMessage(_ => new Text("The round must close after it opens.", "Konsultacje muszą się zakończyć po ich rozpoczęciu.").ToString());
        }
    }

    public sealed class Handler(TrainingDb db, TimeProvider clock) : ICommandHandler<Command, Versioned<RoundView>>
    {
        public async ValueTask<Versioned<RoundView>> Handle(Command command, CancellationToken ct)
        {
            var round = await db.Set<ConsultationRound>().FirstOrDefaultAsync(r => r.Id == command.Id, ct)
                        ?? throw Problem.NotFound(ConsultationsModule.RoundNoun, command.Id);
            await db.ExpectVersionAsync(round, command.ExpectedVersion, ct);
            var opensAt = command.OpensAt.ForDatabase();
            var closesAt = command.ClosesAt.ForDatabase();
            await OpenConsultationRound.EnsureNoOverlapAsync(db, round.VersionId, round.Id, opensAt, closesAt, ct);
            var comments = await db.Set<Comment>().CountAsync(c => c.RoundId == round.Id, ct);
            round.Reschedule(command.Title.Trim(), command.Description?.Trim(), opensAt, closesAt, comments > 0);
            await db.SaveChangesAsync(ct);
            return new(RoundView.From(round, comments, clock.GetUtcNow()), round.Version);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapPut("/{roundId:guid}", async ([FromRoute(Name = "roundId")] Guid id, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var updated = await mediator.Send(new Command(id, EntityTags.RequireIfMatch(http.Request), r.Title, r.Description, r.OpensAt, r.ClosesAt), ct);
                http.Response.Headers.ETag = updated.Value.ETag(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("UpdateConsultationRound")
            .WithSummary("Change a round's title, description or window")
            .WithDescription("Extend or shorten the window (also reopen a closed round) until the report is published. Once comments " +
                             "have arrived the opening time stays where it is. Requires If-Match.")
            .RequireRoles(Roles.ProgrammeTeam)
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(RoundView.Example.Title, RoundView.Example.Description, RoundView.Example.OpensAt,
                RoundView.Example.ClosesAt.AddDays(7)))
            .WithResponseExample(StatusCodes.Status200OK, RoundView.Example);
}
