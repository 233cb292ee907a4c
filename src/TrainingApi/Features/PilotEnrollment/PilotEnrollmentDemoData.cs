using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment;

/// <summary>
/// An open first-come recruitment for 50 JST, so a coordinator token can apply straight away; and a closed ranked
/// recruitment whose three accepted JST are in the pilot (the advisory demo works with them), its list of JST taking
/// part published, and its pilot of version 2.0 run to the end (cohort, a timetable of sessions with their place or link,
/// attendance with its states, completion, evaluations): the evidence on which 2.0 becomes tested. Both recruitments name version 2.0.
/// </summary>
/// <remarks>
/// The closed pilot goes through the real use cases on the real clock: applications are taken only while a
/// recruitment is open, places allocated and the list published only after it closed. So it is announced as having
/// opened weeks ago and closing a few seconds from now, the team applies for three JST and scores them, and the
/// loader waits for the window to end before allocating and publishing — a few seconds on the first start only.
/// (A shifted clock for the loader's scope is not possible without changing production wiring: TimeProvider is a
/// singleton every handler shares, and an audit trail on a moved clock would record times that never were.)
/// </remarks>
public sealed class PilotEnrollmentDemoData(TrainingDb db, IMediator mediator, VersionOutlines versions, TimeProvider clock) : IDemoData
{
    public string Name => DemoDataNames.PilotEnrollment;

    public IReadOnlyList<string> After => [DemoDataNames.Curriculum];

    private const string RodoClause = "RODO-2024-04";

    /// <summary>Long enough for three applications and their scores even on a busy machine's first start.</summary>
    private static readonly TimeSpan PilotClosesIn = TimeSpan.FromSeconds(5);

    public async Task LoadAsync(CancellationToken ct)
    {
        if (await db.Set<Recruitment>().AnyAsync(ct))
        {
            return;
        }

        // Both recruitments pilot the demo programme's version in pilot (2.0).
        if (await versions.FirstInStatusAsync(VersionStatus.InPilot, ct) is not { } piloted)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await mediator.Send(new OpenRecruitment.Command("Nabór JST do pilotażu szkoleń i doradztwa",
            "Pilotaż programu dla 50 JST (około 150 urzędników) po wyborach samorządowych. Decyduje kolejność zgłoszeń.",
            now.AddDays(-1), now.AddDays(30), 50, 3,
            [JstKind.GminaMiejska, JstKind.GminaWiejska, JstKind.GminaMiejskoWiejska, JstKind.MiastoNaPrawachPowiatu, JstKind.Powiat],
            SelectionMode.FirstCome, RodoClause, null, null, piloted), ct);

        var pilot = await mediator.Send(new OpenRecruitment.Command("Pilotaż — grupa pierwsza (nabór zakończony)",
            "Trzy JST już w pilotażu, z doradcami (dane demonstracyjne).", now.AddDays(-60), clock.GetUtcNow() + PilotClosesIn, 3, 3,
            [JstKind.GminaMiejska, JstKind.GminaWiejska, JstKind.MiastoNaPrawachPowiatu, JstKind.Powiat], SelectionMode.Ranked, RodoClause, null, null, piloted), ct);
        string[] places = ["1061", "0201", "0201032"];
        foreach (var (teryt, i) in places.Select((t, i) => (t, i)))
        {
            // The team applies on each JST's behalf and scores the application.
            var application = await mediator.Send(new Apply.Command(pilot.Id, teryt,
                [new Apply.ParticipantRequest($"Koordynator {i + 1}", "naczelnik wydziału edukacji", $"koordynator{i + 1}@demo.example.pl", null)],
                RodoClause, new Questionnaire(10 + i, i % 2 == 0, "Dane demonstracyjne.")), ct);
            await mediator.Send(new ScoreApplication.Command(application.Id, 90 - (5 * i), "Dane demonstracyjne."), ct);
        }

        if (pilot.ClosesAt - clock.GetUtcNow() is { Ticks: > 0 } left)
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(50), clock, ct);
        }

        await mediator.Send(new AllocatePlaces.Command(pilot.Id, Preview: false), ct);
        await mediator.Send(new PublishAcceptedList.Command(pilot.Id), ct);
        await RunPilotAsync(pilot.Id, piloted, ct);
    }

    /// <summary>
    /// The pilot run to its end, as the evidence that makes version 2.0 tested: one cohort of the three JST, a workshop per
    /// module attended by everyone, the JST confirmed and completed, and three anonymous evaluations per module.
    /// </summary>
    private async Task RunPilotAsync(Guid recruitmentId, Guid versionId, CancellationToken ct)
    {
        var modules = (await versions.FindAsync(versionId, ct))!.Sections.Where(s => s.Kind == Curriculum.Sections.SectionKind.Module).Select(s => s.Anchor).ToList();
        var applications = await db.Set<Application>().AsNoTracking().Where(a => a.RecruitmentId == recruitmentId && a.Status == ApplicationStatus.Accepted)
            .OrderBy(a => a.SubmittedAt).Select(a => a.Id).ToListAsync(ct);
        var cohort = await mediator.Send(new CreateCohort.Command(recruitmentId, "Grupa pilotażowa 1", applications), ct);
        // In the order the JST applied (Łódź first), so the first workshop's attendance states fall on the same people every time.
        var participants = (await db.Set<Participant>().AsNoTracking().Where(p => applications.Contains(p.ApplicationId))
                .Select(p => new { p.Id, p.ApplicationId }).ToListAsync(ct))
            .OrderBy(p => applications.IndexOf(p.ApplicationId)).ThenBy(p => p.Id).Select(p => p.Id).ToList();
        var start = clock.GetUtcNow().AddDays(-7 * modules.Count);
        foreach (var (module, i) in modules.Select((m, i) => (m, i)))
        {
            var session = await mediator.Send(i % 2 == 0
                ? new ScheduleSession.Command(cohort.Id, module, start.AddDays(7 * i), 360, SessionMode.Workshop, "dr Anna Nowak", "Ośrodek Rozwoju Edukacji, Warszawa, sala 12")
                : new ScheduleSession.Command(cohort.Id, module, start.AddDays(7 * i), 180, SessionMode.LiveOnline, "mgr Piotr Wójcik", null, "https://spotkania.example.pl/pilotaz"), ct);
            // The first workshop shows the states: one participant late, one excused (both still complete by the default rules).
            await mediator.Send(i == 0 && participants.Count >= 3
                ? new RecordAttendance.Command(session.Id, participants[..1], participants[1..2], participants[2..])
                : new RecordAttendance.Command(session.Id, participants, [], []), ct);
        }

        foreach (var application in applications)
        {
            await mediator.Send(new ConfirmApplication.Command(application), ct);
            await mediator.Send(new CompleteApplication.Command(application), ct);
        }

        await mediator.Send(new RecordEvaluations.Command(cohort.Id,
        [
            .. modules.SelectMany((m, i) => new[]
            {
                new RecordEvaluations.Response(m, 35 + i, 70 + i, 5, i == 2 ? "Przykłady incydentów z naszej gminy bardzo pomogły." : null),
                new RecordEvaluations.Response(m, 45, 75 + i, 4, null),
                new RecordEvaluations.Response(m, 50, 72, 4, i == 0 ? "Za mało czasu na ćwiczenia." : null),
            }),
        ]), ct);
    }
}
