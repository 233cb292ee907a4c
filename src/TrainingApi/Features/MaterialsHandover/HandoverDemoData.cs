using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.MaterialsHandover.Releases;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.MaterialsHandover;

/// <summary>
/// A published release of the demo programme's tested version, built and published through the real use cases, so the
/// public catalogue, its files and the Atom feed have something in them. Runs after the other slices' demo data.
/// </summary>
public sealed class HandoverDemoData(TrainingDb db, IMediator mediator, VersionOutlines versions, PilotParticipation pilot) : IDemoData
{
    public int Order => 50;

    public async Task LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        if (await db.Set<Release>().AnyAsync(ct))
        {
            return;
        }

        if (await versions.FirstInStatusAsync(VersionStatus.Tested, ct) is not { } tested)
        {
            return;
        }

        var pilots = await pilot.JstInPilotsAsync(ct);
        var draft = await mediator.Send(new CreateRelease.Command(tested, "2.0.0", "Program i wytyczne po pilotażu (dane demonstracyjne)",
            [ReleaseReason.PilotFindings], "Wydanie demonstracyjne: treść wersji 2.0 po konsultacjach i pilotażu.", null, null,
            pilots.Keys.FirstOrDefault() is var recruitment && recruitment != Guid.Empty ? recruitment : null), ct);
        await mediator.Send(new PublishRelease.Command(draft.Id), ct);
    }
}
