using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.MaterialsHandover.Adoptions;
using TrainingApi.Features.MaterialsHandover.Handovers;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover;

/// <summary>
/// The demo programme's releases, built and published through the real use cases: 2.0.0 from version 2.0 (its own pilot
/// evidence), handed over to the Ministry and adopted by two JST; then 2.1.0 from the legal update 2.1 (the pilot
/// evidence carried from 2.0), which supersedes 2.0.0 (the handover shows it, adopters and the Ministry are told) and is
/// adopted by a third JST. The catalogue, the Atom feed, the adoption counts and the indicator report have content.
/// </summary>
public sealed class HandoverDemoData(TrainingDb db, IMediator mediator, VersionOutlines versions, TimeProvider clock) : IDemoData
{
    public string Name => DemoDataNames.Handover;

    public IReadOnlyList<string> After => [DemoDataNames.Curriculum, DemoDataNames.PilotEnrollment, DemoDataNames.CurriculumUpdate];

    public async Task LoadAsync(CancellationToken ct)
    {
        if (await db.Set<Release>().AnyAsync(ct) || await versions.FirstInStatusAsync(VersionStatus.Tested, ct) is not { } tested)
        {
            return;
        }

        var first = await mediator.Send(new CreateRelease.Command(tested, "2.0.0", "Program i wytyczne po pilotażu (dane demonstracyjne)",
            [ReleaseReason.PilotFindings], "Wydanie demonstracyjne: treść wersji 2.0 po konsultacjach i pilotażu w trzech JST.", null, null, null), ct);
        await mediator.Send(new PublishRelease.Command(first.Id), ct);
        await mediator.Send(new RecordHandover.Command(first.Id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), null), ct);
        await AdoptAsync(first.Id, "1061", "Konkurs MEN 2025 — zarządzanie cyfryzacją szkół", "Cyfrowa szkoła w Łodzi", ct);
        await AdoptAsync(first.Id, "0201011", "Konkurs MEN 2025 — zarządzanie cyfryzacją szkół", "Bezpieczna sieć szkół Bolesławca", ct);

        var header = await versions.FindHeaderAsync(tested, ct);
        var update = (await versions.OfProgrammeInStatusAsync(header!.Value.ProgrammeId, VersionStatus.Tested, ct)).Where(v => v != tested).Select(v => (Guid?)v).FirstOrDefault();
        if (update is null)
        {
            return;
        }

        var second = await mediator.Send(new CreateRelease.Command(update.Value, "2.1.0", "Aktualizacja po nowelizacji ustawy o KSC (dane demonstracyjne)",
            [ReleaseReason.ChangeInLaw], "Jednostka 3.1: terminy zgłaszania incydentów po nowelizacji ustawy o krajowym systemie cyberbezpieczeństwa.", null, null, null), ct);
        await mediator.Send(new PublishRelease.Command(second.Id), ct);
        await AdoptAsync(second.Id, "1465", "Konkurs MEN 2026 — cyberbezpieczeństwo w szkołach", "Warszawskie szkoły bezpieczne w sieci", ct);
    }

    private async Task AdoptAsync(Guid releaseId, string teryt, string call, string project, CancellationToken ct) =>
        await mediator.Send(new AdoptRelease.Command(releaseId, project, call,
            new AdoptionContact("Koordynator projektu (demo)", $"projekt-{teryt}@demo.example.pl", null), teryt), ct);
}
