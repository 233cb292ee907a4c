using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.Curriculum;

namespace TrainingApi.Features.Consultations;

/// <summary>
/// Gives ZMP an API key the first time demo data loads and prints it once (only its hash is stored), so a
/// newcomer can act as ZMP's system from Swagger UI; and opens a consultation round on the demo version with a
/// meeting and a few comments (one answered), so the report has something in it.
/// </summary>
public sealed class ConsultationsDemoData(TrainingDb db, IMediator mediator, VersionOutlines versions, TimeProvider clock) : IDemoData
{
    public IReadOnlyList<Type> After => [typeof(CurriculumDemoData)];

    public async Task LoadAsync(CancellationToken ct)
    {
        await LoadRoundAsync(ct);
        if (await db.Set<ApiKey>().AnyAsync(k => k.OrganisationId == SeededOrganisations.Zmp, ct))
        {
            return;
        }

        var issued = await mediator.Send(new IssueApiKey.Command(SeededOrganisations.Zmp, "Demo: system uwag ZMP", null), ct);
        await Console.Out.WriteLineAsync(
            $"Demo API key of Związek Miast Polskich (shown once; send it as X-Api-Key): {issued.Secret}");
    }

    private async Task LoadRoundAsync(CancellationToken ct)
    {
        if (await db.Set<ConsultationRound>().AnyAsync(ct))
        {
            return;
        }

        var version = await versions.FirstInStatusAsync(VersionStatus.InConsultation, ct) is { } id ? await versions.FindAsync(id, ct) : null;
        if (version is null)
        {
            return;
        }

        var now = clock.UtcNowForDatabase();
        var round = new ConsultationRound(version.Id, version.ProgrammeId, version.Label, "Konsultacje koncepcji programu ze związkami JST (demo)",
            "Uwagi związków samorządowych do wersji 1.0 koncepcji programu i wytycznych do doradztwa.", now.AddDays(-3), now.AddDays(30), "system", now);
        var meeting = new ConsultationMeeting(round.Id, new MeetingDetails(now.AddDays(-1), 180, "Warszawa, ORE, ul. Górnośląska 4a",
            "https://spotkania.ore.edu.pl/konsultacje-jst", "ORE wspólnie ze Związkiem Miast Polskich", [SeededOrganisations.Zmp, SeededOrganisations.Zpp], 38,
            "Omówiono moduł 1 i wytyczne do doradztwa; zebrano uwagi ZPP."), now);
        var submission = new Submission(Guid.CreateVersion7(now), round.Id, SeededOrganisations.Zpp, null, SubmissionSource.ProgrammeTeam, meeting.Id, "system", now, 2, 0);
        const string onModule = "Moduł nie uwzględnia powiatów, które prowadzą szkoły ponadpodstawowe z własnymi pracowniami.";
        const string proposal = "Dodać przykład powiatu jako organu prowadzącego.";
        const string general = "Program powinien wskazać, ile godzin szkolenia przypada na jedną osobę z JST.";
        var comments = new[]
        {
            new Comment(Guid.CreateVersion7(now), submission.Id, round.Id, SeededOrganisations.Zpp, 1, "modul-1", null, onModule, proposal,
                "Powiaty prowadzą większość szkół zawodowych.", "0201", "bolesławiecki", CommentFingerprint.Of(round.Id, SeededOrganisations.Zpp, "modul-1", onModule, proposal), null, now),
            new Comment(Guid.CreateVersion7(now), submission.Id, round.Id, SeededOrganisations.Zpp, 2, null, null, general, null, null, null, null,
                CommentFingerprint.Of(round.Id, SeededOrganisations.Zpp, null, general, null), null, now),
        };
        comments[1].Answer(round, Disposition.Accepted, "Dodano tabelę godzin na uczestnika w części wprowadzającej.", "system", now);
        db.AddRange(round, meeting, submission);
        db.AddRange(comments);
        await db.SaveChangesAsync(ct);
    }
}
