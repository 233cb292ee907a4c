namespace TrainingApi.Common.PersonalData;

/// <summary>
/// Everything the API holds on one person (RODO art. 15), as a JSON document they can keep: each record names the
/// area that holds it and what it is (<see cref="HeldPersonalData"/>), whichever slice that is.
/// </summary>
/// <param name="AuditEntriesAsActor">How many audit entries name the person as the one who acted (0 in an export by e-mail).</param>
public sealed record PersonalDataExport(string Subject, DateTimeOffset ExportedAt, IReadOnlyList<HeldPersonalData> Held, int AuditEntriesAsActor, string Note)
{
    public const string NotePl =
        "Dane zgromadzone w systemie TrainingApi programu szkoleń i doradztwa dla JST (ORE). Administrator: Ośrodek Rozwoju Edukacji.";

    public static readonly PersonalDataExport Example = new("ewa.zielinska@uml.lodz.pl", new DateTimeOffset(2024, 9, 2, 10, 0, 0, TimeSpan.Zero),
    [
        new HeldPersonalData("pilot-enrollment", "participant", Guid.Parse("01936b30-2000-7000-8000-000000000022"), new Dictionary<string, string?>
        {
            ["applicationId"] = "01936b30-2000-7000-8000-000000000021", ["recruitmentId"] = "01936b30-1000-7000-8000-000000000020", ["jstTeryt"] = "1061",
            ["name"] = "Ewa Zielińska", ["position"] = "naczelniczka Wydziału Edukacji", ["email"] = "ewa.zielinska@uml.lodz.pl", ["phone"] = "+48 42 000 00 00",
        }),
        new HeldPersonalData("advisory", "advisor", Guid.Parse("01936b30-3000-7000-8000-000000000001"), new Dictionary<string, string?>
        {
            ["subject"] = "ewa.zielinska", ["name"] = "Ewa Zielińska", ["email"] = "ewa.zielinska@uml.lodz.pl",
        }),
    ], 0, NotePl);
}
