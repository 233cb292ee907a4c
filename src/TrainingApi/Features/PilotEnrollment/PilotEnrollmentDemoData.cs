using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Startup;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment;

/// <summary>An open first-come recruitment for 50 JST, so a coordinator token can apply straight away.</summary>
public sealed class PilotEnrollmentDemoData(TrainingDb db, TimeProvider clock) : IDemoData
{
    public int Order => 30;

    public async Task LoadAsync(IServiceProvider services, CancellationToken ct)
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
        await db.SaveChangesAsync(ct);
    }
}
