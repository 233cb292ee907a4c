using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Curriculum;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.PilotEnrollment;
using TrainingApi.Features.MaterialsHandover.Releases;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.MaterialsHandover;

/// <summary>
/// A published release of the demo programme's tested version, built and published through the real use cases, so the
/// public catalogue, its files and the Atom feed have something in them, naming the demo pilot that tested it.
/// </summary>
public sealed class HandoverDemoData(TrainingDb db, IMediator mediator, VersionOutlines versions, PilotParticipation pilot) : IDemoData
{
    public IReadOnlyList<Type> After => [typeof(CurriculumDemoData), typeof(PilotEnrollmentDemoData)];

    public async Task LoadAsync(CancellationToken ct)
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
