using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>
/// What an organiser needs to know of a section before its text, as on the HTML pages (<see cref="ReleaseHtml"/>): hours,
/// delivery forms and target roles in Polish, learning outcomes and legal acts as lists, each act linked to ISAP.
/// </summary>
internal static class DocxFacts
{
    public static void Append(DocxContext context, ContentSection section, IReadOnlyDictionary<string, string> acts)
    {
        if (section.Hours is { } hours)
        {
            context.Body.Add(Fact("Liczba godzin dydaktycznych", hours.ToString("0.##", CultureInfo.GetCultureInfo("pl-PL"))));
        }

        if (section.DeliveryForms.Count > 0)
        {
            context.Body.Add(Fact("Formy realizacji", PolishWording.DeliveryFormList(section.DeliveryForms)));
        }

        if (section.TargetRoles.Count > 0)
        {
            context.Body.Add(Fact("Adresaci", PolishWording.TargetRoleList(section.TargetRoles)));
        }

        foreach (var (term, outcomes) in new[]
                 {
                     ("Efekty uczenia się: wiedza", section.Outcomes.Knowledge), ("Efekty uczenia się: umiejętności", section.Outcomes.Skills),
                     ("Efekty uczenia się: kompetencje społeczne", section.Outcomes.SocialCompetences),
                 })
        {
            if (outcomes.Count > 0)
            {
                context.Body.Add(Fact(term, null));
                context.Body.AddRange(outcomes.Select(o => Bullet([DocxRuns.Text(o)])));
            }
        }

        if (section.LegalActs.Count > 0)
        {
            context.Body.Add(Fact("Podstawa prawna", null));
            foreach (var citation in section.LegalActs)
            {
                var text = acts.GetValueOrDefault(citation) is { } title ? $"{title} ({citation})" : citation;
                context.Body.Add(Bullet([PolishWording.OfficialSource(citation) is { } href ? DocxRuns.External(context, href, text) : DocxRuns.Text(text)]));
            }
        }
    }

    /// <summary>A bulleted paragraph at the first level.</summary>
    public static Paragraph Bullet(IEnumerable<OpenXmlElement> content)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.ListParagraph },
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = DocxNumbering.Bullets })));
        paragraph.Append(content);
        return paragraph;
    }

    /// <summary>"Term: value" with the term in bold; a term alone ends with a colon and keeps with the list after it.</summary>
    private static Paragraph Fact(string term, string? value)
    {
        var paragraph = new Paragraph();
        if (value is null)
        {
            paragraph.Append(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "60" }));
        }

        paragraph.Append(DocxRuns.Text(term + ":", new RunFormat(Bold: true)));
        if (value is not null)
        {
            paragraph.Append(DocxRuns.Text(" " + value));
        }

        return paragraph;
    }
}
