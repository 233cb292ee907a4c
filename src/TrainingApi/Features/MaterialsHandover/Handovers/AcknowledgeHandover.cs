using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.MaterialsHandover.Handovers;

public static class AcknowledgeHandover
{
    public sealed record Request(string CaseNumber, DateOnly AcknowledgedOn);

    public sealed record Command(Guid HandoverId, string CaseNumber, DateOnly AcknowledgedOn) : ICommand<HandoverView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.CaseNumber).NotEmpty().MaximumLength(100);
    }

    public sealed class Handler(TrainingDb db, Caller caller) : ICommandHandler<Command, HandoverView>
    {
        public async ValueTask<HandoverView> Handle(Command command, CancellationToken ct)
        {
            var handover = await db.Set<Handover>().FirstOrDefaultAsync(h => h.Id == command.HandoverId, ct)
                           ?? throw Problem.NotFound(HandoverModule.HandoverNoun, command.HandoverId);
            if (command.AcknowledgedOn < handover.HandedOverOn)
            {
                throw Problem.Validation("acknowledgedOn", new Common.Localization.Text("The acknowledgement cannot precede the handover.",
                    "Potwierdzenie nie może poprzedzać przekazania."));
            }

            handover.Acknowledge(command.CaseNumber.Trim(), command.AcknowledgedOn, caller.Subject!);
            await db.SaveChangesAsync(ct);
            return (await HandoverView.WithSupersessionAsync(db, [HandoverView.From(handover)], ct))[0];
        }
    }

    public static void Map(RouteGroupBuilder handovers) =>
        handovers.MapPost("/{handoverId:guid}/acknowledgement", async (Guid handoverId, Request r, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(handoverId, r.CaseNumber, r.AcknowledgedOn), ct)))
            .WithName("AcknowledgeHandover")
            .WithSummary("The Ministry acknowledges a handover with its case number")
            .WithDescription("Once per handover (409 `already-acknowledged`); audited.")
            .RequireRoles(Roles.Ministry)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(HandoverView.Example.CaseNumber!, HandoverView.Example.AcknowledgedOn!.Value))
            .WithResponseExample(StatusCodes.Status200OK, HandoverView.Example);
}
