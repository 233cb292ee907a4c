using TrainingApi.Common.PersonalData;

namespace TrainingApi.Features.PilotEnrollment.PersonalData;

public sealed record ExportedParticipant(Guid ApplicationId, Guid RecruitmentId, string JstTeryt, string Name, string Position, string Email, string? Phone);

public sealed record ExportedApplication(Guid Id, Guid RecruitmentId, string JstTeryt, string Status, string RodoClauseVersion, DateTimeOffset RodoAcknowledgedAt, DateTimeOffset SubmittedAt);

/// <summary>
/// Everything the API holds on one person (RODO art. 15), as a JSON document they can keep: as a participant, as the
/// submitter of applications, and in other areas (<see cref="HeldElsewhere"/>, e.g. as an advisor).
/// </summary>
public sealed record PersonalDataExport(
    string Subject, DateTimeOffset ExportedAt, IReadOnlyList<ExportedParticipant> AsParticipant, IReadOnlyList<ExportedApplication> ApplicationsSubmitted,
    IReadOnlyList<HeldPersonalData> HeldElsewhere, int AuditEntriesAsActor, string Note)
{
    public const string NotePl =
        "Dane zgromadzone w systemie TrainingApi programu szkoleń i doradztwa dla JST (ORE). Administrator: Ośrodek Rozwoju Edukacji.";

    public static readonly PersonalDataExport Example = new("ewa.zielinska@uml.lodz.pl", new DateTimeOffset(2024, 9, 2, 10, 0, 0, TimeSpan.Zero),
        [new ExportedParticipant(Guid.Parse("01936b30-2000-7000-8000-000000000021"), Guid.Parse("01936b30-1000-7000-8000-000000000020"), "1061",
            "Ewa Zielińska", "naczelniczka Wydziału Edukacji", "ewa.zielinska@uml.lodz.pl", "+48 42 000 00 00")], [],
        [new HeldPersonalData("advisory", "advisor", Guid.Parse("01936b30-3000-7000-8000-000000000001"), new Dictionary<string, string?>
        {
            ["subject"] = "ewa.zielinska", ["name"] = "Ewa Zielińska", ["email"] = "ewa.zielinska@uml.lodz.pl",
        })], 0, NotePl);
}
