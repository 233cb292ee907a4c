using FluentValidation;
using Mediator;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

public static class CorrectRecruitmentTerms
{
    public sealed record Request(string Title, string? Description, string RodoClauseVersion, string Reason);

    public sealed record Command(Guid RecruitmentId, string Title, string? Description, string RodoClauseVersion, string Reason) : ICommand<RecruitmentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(Recruitment.TitleMaxLength);
            RuleFor(c => c.Description).MaximumLength(4000);
            RuleFor(c => c.RodoClauseVersion).NotEmpty().MaximumLength(50);
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(RecruitmentChange.ReasonMaxLength);
        }
    }

    /// <summary>
    /// Title, description and RODO clause version. Applications keep the clause version they acknowledged; a new version is
    /// what applications from now on must acknowledge.
    /// </summary>
    public sealed class Handler(RecruitmentChanges changes) : ICommandHandler<Command, RecruitmentView>
    {
        public async ValueTask<RecruitmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var recruitment = await changes.LockAsync(command.RecruitmentId, cancellationToken);
            var before = new { recruitment.Title, recruitment.Description, recruitment.RodoClauseVersion };
            recruitment.CorrectTerms(command.Title.Trim(), command.Description?.Trim(), command.RodoClauseVersion.Trim());
            changes.Record(recruitment, RecruitmentChangeKind.Terms, command.Reason, before,
                new { recruitment.Title, recruitment.Description, recruitment.RodoClauseVersion });
            return RecruitmentView.From(recruitment, changes.Now);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapPut("/{recruitmentId:guid}/terms", async (Guid recruitmentId, Request r, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(recruitmentId, r.Title, r.Description, r.RodoClauseVersion, r.Reason), ct)))
            .WithName("CorrectRecruitmentTerms")
            .WithSummary("Correct a recruitment's title, description or RODO clause version")
            .WithDescription("By the programme team, with a reason. A new RODO clause version applies to new applications only: those " +
                             "already in keep the version they acknowledged. Announced as `recruitment.changed`.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestExample(new Request(RecruitmentView.Example.Title, RecruitmentView.Example.Description, "RODO-2024-06", "Nowa klauzula informacyjna po zmianie administratora danych."))
            .WithResponseExample(StatusCodes.Status200OK, RecruitmentView.Example with { RodoClauseVersion = "RODO-2024-06" });
}
