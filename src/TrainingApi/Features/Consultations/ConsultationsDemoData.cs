using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Registrations;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Features.Curriculum;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Consultations;

/// <summary>
/// Gives ZMP an API key the first time demo data loads and prints it once (only its hash is stored), so a
/// newcomer can act as ZMP's system from Swagger UI; and opens a consultation round on the demo version with a
/// meeting and the two comments gathered there (one answered), so the report has something in it; the meeting's minutes are
/// public, and a second meeting a week ahead takes sign-ups (40 places), so the public reads show all of it.
/// </summary>
public sealed class ConsultationsDemoData(TrainingDb db, IMediator mediator, VersionOutlines versions, TimeProvider clock) : IDemoData
{
    public string Name => DemoDataNames.Consultations;

    public IReadOnlyList<string> After => [DemoDataNames.Curriculum];

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
        if (await db.Set<ConsultationRound>().AnyAsync(ct) || await versions.FirstInStatusAsync(VersionStatus.InConsultation, ct) is not { } version)
        {
            return;
        }

        // Opened three days ago (a round may open in the past; it must close in the future), the meeting held yesterday.
        var now = clock.GetUtcNow();
        var round = await mediator.Send(new OpenConsultationRound.Command(version, "Konsultacje koncepcji programu ze związkami JST (demo)",
            "Uwagi związków samorządowych do wersji 1.0 koncepcji programu i wytycznych do doradztwa.", now.AddDays(-3), now.AddDays(30)), ct);
        var meeting = await mediator.Send(new ScheduleConsultationMeeting.Command(round.Id, new MeetingDetails(now.AddDays(-1), 180,
            "Warszawa, ORE, ul. Górnośląska 4a", "https://spotkania.ore.edu.pl/konsultacje-jst", "ORE wspólnie ze Związkiem Miast Polskich",
            [SeededOrganisations.Zmp, SeededOrganisations.Zpp], 38, "Omówiono moduł 1 i wytyczne do doradztwa; zebrano uwagi ZPP.")), ct);

        // ZPP's comments, entered by the team from the meeting.
        var submission = await mediator.Send(new SubmitComments.Command(round.Id, null, SeededOrganisations.Zpp, meeting.Id,
        [
            new SubmitComments.CommentRequest("modul-1", null, "Moduł nie uwzględnia powiatów, które prowadzą szkoły ponadpodstawowe z własnymi pracowniami.",
                "Dodać przykład powiatu jako organu prowadzącego.", "Powiaty prowadzą większość szkół zawodowych.", "0201"),
            new SubmitComments.CommentRequest(null, null, "Program powinien wskazać, ile godzin szkolenia przypada na jedną osobę z JST.", null, null, null),
        ]), ct);
        await mediator.Send(new DisposeComment.Command(submission.Comments[1].Id, null, Disposition.Accepted,
            "Dodano tabelę godzin na uczestnika w części wprowadzającej."), ct);

        // ZMP on the cybersecurity unit: accepted and taken into 2.0 (the section history of modul-3-1 shows it).
        var zmp = await mediator.Send(new SubmitComments.Command(round.Id, null, SeededOrganisations.Zmp, meeting.Id,
        [
            new SubmitComments.CommentRequest("modul-3-1", null, "Jednostka nie mówi, kto w JST zgłasza incydent w szkole.",
                "Dodać ścieżkę zgłoszenia incydentu: szkoła → organ prowadzący → CSIRT.", "Dyrektorzy nie wiedzą, komu zgłaszać incydenty.", null),
        ]), ct);
        await mediator.Send(new DisposeComment.Command(zmp.Comments[0].Id, null, Disposition.Accepted, "Dodano ścieżkę zgłaszania incydentów w wersji 2.0."), ct);
        if (await versions.FirstInStatusAsync(VersionStatus.InPilot, ct) is { } takenInto)
        {
            await mediator.Send(new RecordCommentTakenIn.Command(zmp.Comments[0].Id, null, takenInto), ct);
        }

        // The held meeting's minutes are public; the next meeting, in a week, takes sign-ups (GET /api/v1/public/consultation-rounds).
        await mediator.Send(new PublishMeetingMinutes.Command(meeting.Id, null), ct);
        var next = await mediator.Send(new ScheduleConsultationMeeting.Command(round.Id, new MeetingDetails(now.AddDays(7), 120, null,
            "https://spotkania.ore.edu.pl/konsultacje-jst-2", "ORE wspólnie ze Związkiem Powiatów Polskich", [], null, null)), ct);
        await mediator.Send(new OpenMeetingRegistration.Command(next.Id, null, 40), ct);
    }
}
