using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Startup;

namespace TrainingApi.Features.Curriculum;

/// <summary>The programme concept and the advisory guidelines, as the experts would title them.</summary>
public sealed class CurriculumDemoData(TrainingDb db, TimeProvider clock) : IDemoData
{
    public int Order => 10;

    public async Task LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        if (await db.Set<Programme>().AnyAsync(ct))
        {
            return;
        }

        var now = clock.UtcNowForDatabase();
        db.Add(new Programme(
            "Zarządzanie cyfryzacją szkół w jednostkach samorządu terytorialnego",
            "Koncepcja programu szkoleń dla pracowników JST odpowiedzialnych za cyfryzację szkół, " +
            "przygotowana przez zespół pięciu ekspertów i kierownika projektu.",
            now));
        db.Add(new Programme(
            "Wytyczne do procesu doradczego dla JST",
            "Wytyczne dla doradców wspierających JST w diagnozie dojrzałości cyfrowej, planie rozwoju i jego wdrażaniu.",
            now.AddMicroseconds(1)));
        await db.SaveChangesAsync(ct);
    }
}
