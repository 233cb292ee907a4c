namespace TrainingApi.Features.Curriculum.LegalActs;

public sealed record LegalActView(Guid Id, string Citation, string Title, DateOnly PublishedOn, DateOnly? LastAmendedOn)
{
    public static LegalActView From(LegalAct a) => new(a.Id, a.Citation, a.Title, a.PublishedOn, a.LastAmendedOn);

    public static readonly LegalActView Example = new(Guid.Parse("01936b2f-3000-7000-8000-000000000012"), "Dz.U. 2024 poz. 737",
        "Ustawa z dnia 14 grudnia 2016 r. – Prawo oświatowe (tekst jednolity)", new DateOnly(2024, 5, 17), null);
}

public sealed record AmendmentView(Guid Id, Guid LegalActId, string? AmendingCitation, DateOnly AmendedOn, string? Note, int FlaggedSections, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static AmendmentView From(LegalActAmendment a) => new(a.Id, a.LegalActId, a.AmendingCitation, a.AmendedOn, a.Note, a.FlaggedSections, a.RecordedBy, a.RecordedAt);
}

public sealed record LegalActAmended(Guid LegalActId, string Citation, string? AmendingCitation, DateOnly AmendedOn, int FlaggedSections) : Common.Events.IIntegrationEvent
{
    public static string EventType => "legal-act.amended";
    public static int Version => 1;
    public static string Description => "A legal act cited by the programme was amended; the sections citing it are flagged for review.";
}
