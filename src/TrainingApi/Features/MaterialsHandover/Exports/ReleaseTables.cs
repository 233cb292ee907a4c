using TrainingApi.Common.Http;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Exports;

/// <summary>The programme's modules and units as a table, in CSV (RFC 4180 and Excel in Polish) and XLSX, and the release as Markdown.</summary>
public static class ReleaseTables
{
    public static IReadOnlyList<IDictionary<string, object?>> Modules(ReleaseDocument release) =>
        [.. release.Sections.Where(s => s.Kind is SectionKind.Module or SectionKind.Unit).Select(s => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Kotwica"] = s.Anchor, ["Rodzaj"] = s.Kind == SectionKind.Module ? "moduł" : "jednostka", ["Moduł"] = s.ParentAnchor ?? s.Anchor, ["Tytuł"] = s.Title,
            ["Godziny"] = s.Hours, ["Formy realizacji"] = PolishWording.DeliveryFormList(s.DeliveryForms), ["Adresaci"] = PolishWording.TargetRoleList(s.TargetRoles),
            ["Efekty: wiedza"] = s.Outcomes.Knowledge.Count, ["Efekty: umiejętności"] = s.Outcomes.Skills.Count,
            ["Efekty: kompetencje społeczne"] = s.Outcomes.SocialCompetences.Count, ["Podstawa prawna"] = string.Join("; ", s.LegalActs),
        })];

    public static byte[] ModulesCsv(ReleaseDocument release) => CsvFiles.Write(Modules(release));

    /// <summary>The same table for Excel with Polish regional settings (<c>;</c>, decimal comma, BOM).</summary>
    public static byte[] ModulesCsvExcelPolish(ReleaseDocument release) => CsvFiles.WriteExcelPolish(Modules(release));

    public static byte[] ModulesXlsx(ReleaseDocument release)
    {
        var xlsx = XlsxFiles.Write([("Moduły", Modules(release))],
            new MiniExcelLibs.OpenXml.OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true, EnableAutoWidth = false });
        return DeterministicZip.NormaliseXlsx(xlsx);
    }

    public static byte[] Markdown(ReleaseDocument release)
    {
        var text = new System.Text.StringBuilder();
        text.Append("# ").Append(release.Programme.Title).Append("\n\n");
        text.Append("Wydanie ").Append(release.SemanticVersion).Append(", wersja programu ").Append(release.Programme.VersionLabel)
            .Append(", licencja ").Append(release.Licence).Append(".\n\n");
        foreach (var section in release.Sections)
        {
            text.Append(new string('#', Math.Min(section.Depth + 2, 6))).Append(' ').Append(section.Title).Append("\n\n");
            text.Append(section.Markdown.Trim()).Append("\n\n");
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }
}
