using FluentValidation;
using Mediator;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Sections;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>Checks Markdown before it is saved, so an author can fix findings while writing.</summary>
public static class CheckMarkdown
{
    public sealed record Request(string Markdown, int? HeadingLevel);

    public sealed record Result(IReadOnlyList<FindingView> Findings, PlainLanguageScore? PlainLanguage, IReadOnlyList<MarkdownViolation> Unsafe);

    public sealed record Query(string Markdown, int HeadingLevel) : IQuery<Result>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Markdown).NotNull().MaximumLength(Section.MarkdownMaxLength);
            RuleFor(q => q.HeadingLevel).InclusiveBetween(1, 6);
        }
    }

    public sealed class Handler : IQueryHandler<Query, Result>
    {
        public ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            // No version, so no assets to judge references to assets/… against: those are checked when the text is in a version.
            var check = AccessibilityChecker.Check("draft", query.Markdown, query.HeadingLevel, assets: null);
            return ValueTask.FromResult(new Result(
                [.. check.Findings.Select(f => new FindingView(f.Id, f.Rule, f.Criterion, f.Severity, f.Anchor, f.Line, f.Column, f.Excerpt,
                    new Common.Localization.Text(f.MessageEn, f.MessagePl).ToString(), f.MessageEn, f.MessagePl, null))],
                check.PlainLanguage,
                MarkdownSafety.Validate(query.Markdown)));
        }
    }

    public static void Map(RouteGroupBuilder checks) =>
        checks.MapPost("/", async (Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(request.Markdown, request.HeadingLevel ?? 2), ct)))
            .WithName("CheckMarkdownAccessibility")
            .WithSummary("Check Markdown for accessibility before saving it")
            .WithDescription("Stores nothing. `headingLevel` is the level the section's own title will have (2 for a module, 3 for a unit). " +
                             "`unsafe` lists what would be refused on saving (raw HTML other than <span lang>, script links).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .ProducesValidationProblem()
            .WithRequestExample(new Request("Szczegóły w [kliknij tutaj](https://www.ore.edu.pl).", 3))
            .WithResponseExample(StatusCodes.Status200OK, new Result([VersionAccessibilityReport.Example.Findings[0]], null, []));
}
