using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Features.Curriculum.Demo;
using TrainingApi.Features.Curriculum.LegalActs;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum;

/// <summary>
/// The training programme with its modules, units and advisory guidelines (Polish, see Demo/) and a diagram and a checklist, as version 1.0
/// in consultation and the same content as version 2.0 in pilot, with its sections tagged with maturity areas, and the legal acts it cites: enough to try every
/// curriculum endpoint from Swagger UI, and to build a release. Written, checked and moved through review with the
/// team's own commands.
/// </summary>
public sealed class CurriculumDemoData(TrainingDb db, IMediator mediator) : IDemoData
{
    public string Name => DemoDataNames.Curriculum;

    private const string Reason = "Dane demonstracyjne.";

    public async Task LoadAsync(CancellationToken ct)
    {
        if (await db.Set<Programme>().AnyAsync(ct))
        {
            return;
        }

        foreach (var act in CurriculumDemoContent.LegalActs)
        {
            await mediator.Send(new RegisterLegalAct.Command(act.Citation, act.Title, act.Published), ct);
        }

        var programme = (await mediator.Send(new CreateProgramme.Command(CurriculumDemoContent.ProgrammeTitle,
            "Koncepcja programu szkoleń dla pracowników JST odpowiedzialnych za cyfryzację szkół wraz z wytycznymi do procesu doradczego.",
            CurriculumDemoContent.ProgrammeSlug), ct)).Value;
        var first = (await mediator.Send(new CreateVersion.Command(programme.Id, "1.0", null, "Wersja przekazana do konsultacji ze związkami JST."), ct)).Value;
        // The diagram and the attachment, uploaded like an expert would: later versions and the releases carry them.
        await mediator.Send(new UploadAsset.Command(first.Id, CurriculumDemoAssets.DiagramName, System.Text.Encoding.UTF8.GetBytes(CurriculumDemoAssets.Diagram), null), ct);
        var checklist = (await mediator.Send(new UploadAsset.Command(first.Id, CurriculumDemoAssets.ChecklistName, CurriculumDemoAssets.ChecklistPdf(), null), ct)).Asset;
        foreach (var demo in CurriculumDemoContent.Sections)
        {
            var markdown = demo.Markdown.Replace(CurriculumDemoAssets.ChecklistSize, AttachmentSize.Polish(checklist.Size), StringComparison.Ordinal);
            await mediator.Send(new AddSection.Command(first.Id, demo.Anchor, demo.ParentAnchor, null, QueryEnum.Parse<SectionKind>(demo.Kind, "kind")!.Value,
                demo.Title, markdown, demo.Hours, new OutcomesRequest(demo.Knowledge, demo.Skills, demo.SocialCompetences),
                [.. demo.DeliveryForms.Select(f => QueryEnum.Parse<DeliveryForm>(f, "deliveryForms")!.Value)],
                [.. demo.TargetRoles.Select(r => QueryEnum.Parse<TargetRole>(r, "targetRoles")!.Value)],
                demo.Authors, demo.LegalActs), ct);
            // Tagged while 1.0 is a draft, like any content: 2.0 and the update 2.1 copy the tags, so the releases carry them.
            if (CurriculumDemoContent.MaturityAreas.TryGetValue(demo.Anchor, out var areas))
            {
                await mediator.Send(new TagSectionMaturityAreas.Command(first.Id, demo.Anchor, null, areas), ct);
            }
        }

        // Review and the accessibility check (the content passes it), then consultation.
        await MoveAsync(first.Id, ct, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation);

        // 2.0: the same content after consultation, in pilot (the pilot demo runs it; CurriculumUpdateDemoData then makes it tested).
        var second = (await mediator.Send(new CreateVersion.Command(programme.Id, "2.0", first.Id, "Wersja po konsultacjach i pilotażu (dane demonstracyjne)."), ct)).Value;
        await MoveAsync(second.Id, ct,
            VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation, VersionStatus.Revised, VersionStatus.InPilot);
    }

    private async Task MoveAsync(Guid versionId, CancellationToken ct, params VersionStatus[] path)
    {
        foreach (var to in path)
        {
            await mediator.Send(new TransitionVersion.Command(versionId, to, Reason), ct);
        }
    }
}
