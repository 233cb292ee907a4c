using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.Demo;
using TrainingApi.Features.Curriculum.LegalActs;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum;

/// <summary>
/// The training programme with its modules, units and advisory guidelines (Polish, see Demo/), as version 1.0
/// in consultation and the same content as version 2.0, tested, and the legal acts it cites: enough to try every
/// curriculum endpoint from Swagger UI, and to build a release.
/// </summary>
public sealed class CurriculumDemoData(TrainingDb db, TimeProvider clock) : IDemoData
{
    private const string Reason = "Dane demonstracyjne.";

    public async Task LoadAsync(CancellationToken ct)
    {
        if (await db.Set<Programme>().AnyAsync(ct))
        {
            return;
        }

        var now = clock.UtcNowForDatabase();
        var acts = CurriculumDemoContent.LegalActs.ToDictionary(a => a.Citation, a => new LegalAct(a.Citation, a.Title, a.Published, now));
        db.AddRange(acts.Values);

        var programme = new Programme(CurriculumDemoContent.ProgrammeTitle,
            "Koncepcja programu szkoleń dla pracowników JST odpowiedzialnych za cyfryzację szkół wraz z wytycznymi do procesu doradczego.", now);
        db.Add(programme);
        var version = AddVersion(programme, "1.0", null, "Wersja przekazana do konsultacji ze związkami JST.", acts, now,
            VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation);
        // 2.0: the same content after consultation and pilot, tested, so a release can be built and published from it.
        AddVersion(programme, "2.0", version.Id, "Wersja po konsultacjach i pilotażu (dane demonstracyjne).", acts, now.AddTicks(10),
            VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation, VersionStatus.Revised, VersionStatus.InPilot, VersionStatus.Tested);

        await db.SaveChangesAsync(ct);
    }

    private ProgrammeVersion AddVersion(Programme programme, string label, Guid? basedOn, string notes, Dictionary<string, LegalAct> acts, DateTimeOffset now,
        params VersionStatus[] path)
    {
        var version = new ProgrammeVersion(programme.Id, label, basedOn, notes, now);
        db.Add(version);
        var byAnchor = new Dictionary<string, Section>();
        foreach (var demo in CurriculumDemoContent.Sections)
        {
            var parent = demo.ParentAnchor is null ? null : byAnchor[demo.ParentAnchor];
            var content = new SectionContent(demo.Title, demo.Markdown, demo.Hours,
                new LearningOutcomes(demo.Knowledge, demo.Skills, demo.SocialCompetences),
                [.. demo.DeliveryForms.Select(f => Common.Http.QueryEnum.Parse<DeliveryForm>(f, "deliveryForms")!.Value)],
                [.. demo.TargetRoles.Select(r => Common.Http.QueryEnum.Parse<TargetRole>(r, "targetRoles")!.Value)],
                demo.Authors);
            var position = byAnchor.Values.Count(s => s.ParentId == parent?.Id);
            var kind = Common.Http.QueryEnum.Parse<SectionKind>(demo.Kind, "kind")!.Value;
            var section = new Section(version.Id, demo.Anchor, parent?.Id, position, kind, content, MarkdownRendering.ToHtml(demo.Markdown), now);
            byAnchor[demo.Anchor] = section;
            db.Add(section);
            db.AddRange(demo.LegalActs.Select(citation => new SectionCitation(section.Id, acts[citation].Id)));
        }

        // The demo versions went through review and the accessibility check (their content passes it).
        var from = VersionStatus.Draft;
        foreach (var to in path)
        {
            db.Add(new VersionTransition(version.Id, from, to, Reason, "system", now));
            version.MoveTo(to, now);
            from = to;
        }

        return version;
    }
}
