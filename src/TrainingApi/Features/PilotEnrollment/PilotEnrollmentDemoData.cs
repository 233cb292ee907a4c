using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Startup;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment;

/// <summary>
/// An open first-come recruitment for 50 JST, so a coordinator token can apply straight away; and an earlier, closed
/// ranked recruitment whose three accepted JST are in the pilot (the advisory demo works with them), its list
/// of JST taking part published.
/// </summary>
public sealed class PilotEnrollmentDemoData(TrainingDb db, TimeProvider clock) : IDemoData
{
    public async Task LoadAsync(CancellationToken ct)
    {
        if (await db.Set<Recruitment>().AnyAsync(ct))
        {
            return;
        }

        var now = clock.UtcNowForDatabase();
        db.Add(new Recruitment("Nabór JST do pilotażu szkoleń i doradztwa",
            "Pilotaż programu dla 50 JST (około 150 urzędników) po wyborach samorządowych. Decyduje kolejność zgłoszeń.",
            now.AddDays(-1), now.AddDays(30), 50, 3,
            [JstKind.GminaMiejska, JstKind.GminaWiejska, JstKind.GminaMiejskoWiejska, JstKind.MiastoNaPrawachPowiatu, JstKind.Powiat],
            SelectionMode.FirstCome, "RODO-2024-04", now));

        var earlier = now.AddTicks(10);
        var pilot = new Recruitment("Pilotaż — grupa pierwsza (nabór zakończony)", "Trzy JST już w pilotażu, z doradcami (dane demonstracyjne).",
            now.AddDays(-60), now.AddDays(-30), 3, 3, [JstKind.GminaMiejska, JstKind.GminaWiejska, JstKind.MiastoNaPrawachPowiatu, JstKind.Powiat],
            SelectionMode.Ranked, "RODO-2024-04", earlier);
        db.Add(pilot);
        string[] places = ["1061", "0201", "0201032"];
        foreach (var (teryt, i) in places.Select((t, i) => (t, i)))
        {
            var application = new Application(pilot.Id, teryt, "demo", null, "RODO-2024-04", new Questionnaire(10 + i, i % 2 == 0, "Dane demonstracyjne."), earlier.AddTicks(10 * (i + 1)));
            application.Participants.Add(new Participant($"Koordynator {i + 1}", "naczelnik wydziału edukacji", $"koordynator{i + 1}@demo.example.pl", null));
            application.Allocate(accepted: true, waitlistPosition: null, earlier);
            db.Add(application);
        }

        pilot.Allocated(places.Length, 0, earlier);
        pilot.PublishAcceptedList(now);
        await db.SaveChangesAsync(ct);
    }
}
