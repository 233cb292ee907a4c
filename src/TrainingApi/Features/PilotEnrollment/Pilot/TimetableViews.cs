using TrainingApi.Common.Localization;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

/// <summary>A session as the timetable shows it: when (also in Europe/Warsaw), what module, how, where or by which link, and who trains.</summary>
public sealed record TimetableSession(
    Guid Id, Guid CohortId, string CohortName, string ModuleAnchor, DateTimeOffset StartsAt, string StartsAtWarsaw, int DurationMinutes, SessionMode Mode,
    string? Place, string? Link, string Trainer)
{
    public static TimetableSession From(TrainingSession s, string cohortName) => new(
        s.Id, s.CohortId, cohortName, s.ModuleAnchor, s.StartsAt, WarsawTime.Format(s.StartsAt), s.DurationMinutes, s.Mode, s.Place, s.Link, s.Trainer);

    public static readonly TimetableSession Example = new(
        Guid.Parse("01936b31-2000-7000-8000-000000000031"), Guid.Parse("01936b31-1000-7000-8000-000000000030"), "Grupa 1 — województwa zachodnie", "modul-2",
        new DateTimeOffset(2024, 9, 12, 7, 0, 0, TimeSpan.Zero), "2024-09-12 09:00 (Europe/Warsaw)", 360, SessionMode.InPerson,
        "Urząd Miasta Łodzi, ul. Piotrkowska 104, sala 12", null, "dr Anna Nowak");
}

/// <summary>A JST in a cohort: its application, code and name, and how many participants it sends.</summary>
public sealed record CohortJst(Guid ApplicationId, string Teryt, string Name, int Participants)
{
    public static CohortJst Of(Guid applicationId, string teryt, int participants) =>
        new(applicationId, teryt, JstRegister.Find(teryt)?.Name ?? teryt, participants);

    public static readonly CohortJst Example = new(Guid.Parse("01936b30-2000-7000-8000-000000000021"), "1061", "Łódź", 3);
}
