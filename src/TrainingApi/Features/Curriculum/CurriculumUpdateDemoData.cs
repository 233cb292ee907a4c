using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Curriculum.LegalActs;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum;

/// <summary>
/// The evidence chain of the demo programme, after its pilot ran: 2.0 becomes tested on the pilot's evidence; the
/// cybersecurity act is amended; 2.1 takes the update path (change in law) from 2.0, rewrites the cybersecurity unit and
/// becomes tested on 2.0's carried evidence. The section history of modul-3-1 then has every kind of fact.
/// </summary>
public sealed class CurriculumUpdateDemoData(TrainingDb db, IMediator mediator) : IDemoData
{
    private const string Anchor = "modul-3-1";
    private const string AmendedAct = "Dz.U. 2024 poz. 1077";

    public string Name => DemoDataNames.CurriculumUpdate;

    public IReadOnlyList<string> After => [DemoDataNames.Curriculum, DemoDataNames.Consultations, DemoDataNames.PilotEnrollment];

    public async Task LoadAsync(CancellationToken ct)
    {
        if (await db.Set<ProgrammeVersion>().AnyAsync(v => v.UpdateReason != null, ct))
        {
            return;
        }

        var piloted = await db.Set<ProgrammeVersion>().AsNoTracking().Where(v => v.Status == VersionStatus.InPilot).OrderBy(v => v.CreatedAt).FirstOrDefaultAsync(ct);
        if (piloted is null)
        {
            return;
        }

        await mediator.Send(new TransitionVersion.Command(piloted.Id, VersionStatus.Tested, "Pilotaż zakończony: trzy JST ukończyły szkolenie, ewaluacja modułów zebrana."), ct);

        var act = await db.Set<LegalAct>().AsNoTracking().FirstAsync(a => a.Citation == AmendedAct, ct);
        await mediator.Send(new RecordAmendment.Command(act.Id, "Dz.U. 2025 poz. 1506", new DateOnly(2025, 10, 2),
            "Nowelizacja wdrażająca dyrektywę NIS2: nowe obowiązki zgłaszania incydentów przez jednostki samorządu."), ct);

        var update = (await mediator.Send(new CreateVersion.Command(piloted.ProgrammeId, "2.1", piloted.Id,
            "Aktualizacja po nowelizacji ustawy o krajowym systemie cyberbezpieczeństwa (NIS2): terminy zgłaszania incydentów w jednostce 3.1.",
            UpdateReason.ChangeInLaw), ct)).Value;
        var section = await db.Set<Section>().AsNoTracking().FirstAsync(s => s.VersionId == update.Id && s.Anchor == Anchor, ct);
        var parent = section.ParentId is { } p ? await db.Set<Section>().AsNoTracking().Where(s => s.Id == p).Select(s => s.Anchor).FirstAsync(ct) : null;
        var acts = await db.Set<SectionCitation>().AsNoTracking().Where(c => c.SectionId == section.Id)
            .Join(db.Set<LegalAct>(), c => c.LegalActId, a => a.Id, (c, a) => a.Citation).ToListAsync(ct);
        await mediator.Send(new UpdateSection.Command(update.Id, Anchor, null, parent, section.Position, section.Title,
            section.Markdown + "\n\nPo nowelizacji z 2025 r. JST zgłasza poważny incydent do właściwego CSIRT w ciągu 24 godzin od jego wykrycia.",
            section.Hours, new OutcomesRequest(section.Knowledge, section.Skills, section.SocialCompetences),
            [.. section.DeliveryForms.Select(f => QueryEnum.Parse<DeliveryForm>(f, "deliveryForms")!.Value)],
            [.. section.TargetRoles.Select(r => QueryEnum.Parse<TargetRole>(r, "targetRoles")!.Value)], section.Authors, acts), ct);
        foreach (var to in new[] { VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.Tested })
        {
            await mediator.Send(new TransitionVersion.Command(update.Id, to, "Aktualizacja prawna (dane demonstracyjne)."), ct);
        }
    }
}
