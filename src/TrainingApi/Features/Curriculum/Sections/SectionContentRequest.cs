using System.ComponentModel;
using System.Text.Json.Serialization;
using FluentValidation;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.LegalActs;

namespace TrainingApi.Features.Curriculum.Sections;

public sealed record OutcomesRequest(IReadOnlyList<string>? Knowledge, IReadOnlyList<string>? Skills, IReadOnlyList<string>? SocialCompetences)
{
    /// <summary>The JSON name of <see cref="Count"/>, which JSON Merge Patch refuses.</summary>
    public const string CountMember = "count";

    /// <summary>Read-only in <see cref="LearningOutcomes"/>: accepted and ignored, so that outcomes read with GET can be sent back.</summary>
    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Count { get; init; }

    public LearningOutcomes ToOutcomes() => new(Clean(Knowledge), Clean(Skills), Clean(SocialCompetences));

    private static List<string> Clean(IReadOnlyList<string>? items) => [.. (items ?? []).Select(i => i.Trim())];
}

/// <summary>What adding and changing a section have in common: the content an author writes.</summary>
public interface ISectionContentCommand
{
    string Title { get; }
    string Markdown { get; }
    decimal? Hours { get; }
    OutcomesRequest? LearningOutcomes { get; }
    IReadOnlyList<DeliveryForm>? DeliveryForms { get; }
    IReadOnlyList<TargetRole>? TargetRoles { get; }
    IReadOnlyList<string>? Authors { get; }
    IReadOnlyList<string>? LegalActs { get; }
}

public static class SectionContentExtensions
{
    public static SectionContent ToContent(this ISectionContentCommand c) => new(
        c.Title.Trim(), c.Markdown, c.Hours, c.LearningOutcomes?.ToOutcomes() ?? LearningOutcomes.None,
        [.. (c.DeliveryForms ?? []).Distinct()], [.. (c.TargetRoles ?? []).Distinct()], [.. (c.Authors ?? []).Select(a => a.Trim())]);
}

public sealed class SectionContentValidator : AbstractValidator<ISectionContentCommand>
{
    private const int MaxListItems = 30;
    private const int MaxItemLength = 500;

    public SectionContentValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Section.TitleMaxLength);
        RuleFor(c => c.Markdown).NotNull().MaximumLength(Section.MarkdownMaxLength);
        RuleFor(c => c.Markdown).Custom((markdown, context) =>
        {
            foreach (var violation in MarkdownSafety.Validate(markdown ?? ""))
            {
                context.AddFailure("markdown", new Text(
                    $"Line {violation.Line}, column {violation.Column}: {violation.MessageEn}",
                    $"Wiersz {violation.Line}, kolumna {violation.Column}: {violation.MessagePl}").ToString());
            }
        });
        RuleFor(c => c.Hours).GreaterThan(0).LessThanOrEqualTo(Section.MaxHours)
            .Must(h => h is null || h % 0.25m == 0).WithMessage(_ => new Text("Give hours in quarters of an hour (e.g. 1.5).", "Podaj godziny z dokładnością do kwadransa (np. 1,5).").ToString());
        RuleForEach(c => c.Authors).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Authors).MaximumItems(20);
        RuleForEach(c => c.DeliveryForms).IsInEnum();
        RuleForEach(c => c.TargetRoles).IsInEnum();
        RuleFor(c => c.LegalActs).MaximumItems(MaxListItems);
        RuleForEach(c => c.LegalActs).NotNull().Matches(LegalAct.CitationPattern)
            .WithMessage(_ => new Text("Cite an act as in the Journal of Laws, e.g. “Dz.U. 2023 poz. 1234”.", "Podaj akt jak w Dzienniku Ustaw, np. „Dz.U. 2023 poz. 1234”.").ToString());
        RuleFor(c => c.LearningOutcomes).ChildRules(outcomes =>
        {
            outcomes.RuleFor(o => o!.Knowledge).MaximumItems(MaxListItems);
            outcomes.RuleFor(o => o!.Skills).MaximumItems(MaxListItems);
            outcomes.RuleFor(o => o!.SocialCompetences).MaximumItems(MaxListItems);
            outcomes.RuleForEach(o => o!.Knowledge).NotEmpty().MaximumLength(MaxItemLength);
            outcomes.RuleForEach(o => o!.Skills).NotEmpty().MaximumLength(MaxItemLength);
            outcomes.RuleForEach(o => o!.SocialCompetences).NotEmpty().MaximumLength(MaxItemLength);
        });
    }
}
