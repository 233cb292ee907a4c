namespace TrainingApi.Features.Curriculum.Sections;

public sealed record SectionView(
    string Anchor, string? ParentAnchor, int Position, int Depth, SectionKind Kind, string Title, string Markdown, string Html,
    decimal? Hours, LearningOutcomes LearningOutcomes, IReadOnlyList<DeliveryForm> DeliveryForms, IReadOnlyList<TargetRole> TargetRoles,
    IReadOnlyList<string> Authors, IReadOnlyList<string> LegalActs, bool ReviewNeeded, string? ReviewReason, DateTimeOffset UpdatedAt,
    IReadOnlyList<string> MaturityAreas)
{
    public static SectionView From(Section s, string? parentAnchor, int depth, IReadOnlyList<string> legalActs) => new(
        s.Anchor, parentAnchor, s.Position, depth, s.Kind, s.Title, s.Markdown, s.Html, s.Hours, s.Outcomes,
        [.. s.DeliveryForms.Select(f => Common.Http.QueryEnum.Parse<DeliveryForm>(f, "deliveryForms")!.Value)],
        [.. s.TargetRoles.Select(r => Common.Http.QueryEnum.Parse<TargetRole>(r, "targetRoles")!.Value)],
        s.Authors, legalActs, s.ReviewNeeded, s.ReviewReason, s.UpdatedAt, s.MaturityAreas);

    public static readonly SectionView Example = new(
        "modul-3-1", "modul-3", 0, 1, SectionKind.Unit, "Zagrożenia cyberbezpieczeństwa w szkołach",
        "Szkoły przetwarzają dane uczniów i rodziców. W tej jednostce omawiamy najczęstsze zagrożenia i obowiązki JST.",
        "<p>Szkoły przetwarzają dane uczniów i rodziców. W tej jednostce omawiamy najczęstsze zagrożenia i obowiązki JST.</p>\n",
        4, new LearningOutcomes(["Zna obowiązki JST wynikające z ustawy o krajowym systemie cyberbezpieczeństwa."],
            ["Potrafi wskazać najczęstsze zagrożenia dla szkolnej infrastruktury."], ["Jest gotów współpracować z dyrektorami szkół przy ocenie ryzyka."]),
        [DeliveryForm.Workshop, DeliveryForm.LiveOnline], [TargetRole.ItCybersecurity, TargetRole.SchoolHeads], ["dr Piotr Wiśniewski"],
        ["Dz.U. 2024 poz. 1077"], false, null, new DateTimeOffset(2024, 2, 20, 12, 0, 0, TimeSpan.Zero), ["cyberbezpieczenstwo"]);
}
