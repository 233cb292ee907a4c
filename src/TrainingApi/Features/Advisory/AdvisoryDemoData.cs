using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Advisory.Advisors;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.Advisory.Plans;
using TrainingApi.Features.Advisory.Sessions;
using TrainingApi.Features.PilotEnrollment;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.Advisory;

/// <summary>
/// Two advisors and three engagements at different stages (diagnosis; plan, with the initial diagnosis; support, with
/// a plan and sessions) for the JST of the demo pilot. The advisors' subjects are the `--sub` to use with the token command.
/// </summary>
public sealed class AdvisoryDemoData(TrainingDb db, IMediator mediator, PilotParticipation pilot, TimeProvider clock) : IDemoData
{
    public const string FirstAdvisorSubject = "marta.wisniewska";
    public const string SecondAdvisorSubject = "piotr.kaminski";

    private const decimal HoursBudget = 40;

    public string Name => DemoDataNames.Advisory;

    public IReadOnlyList<string> After => [DemoDataNames.PilotEnrollment];

    public async Task LoadAsync(CancellationToken ct)
    {
        if (await db.Set<Advisor>().AnyAsync(ct))
        {
            return;
        }

        var pilots = await pilot.JstInPilotsAsync(ct);
        var (recruitmentId, jst) = pilots.Where(p => p.Value.Count >= 3).Select(p => (p.Key, p.Value)).FirstOrDefault();
        if (jst is null)
        {
            return;
        }

        var marta = await mediator.Send(new RegisterAdvisor.Command(FirstAdvisorSubject, "Marta Wiśniewska", "marta.wisniewska@doradcy.example.pl",
            ["cyberbezpieczenstwo", "infrastruktura"], 4), ct);
        var piotr = await mediator.Send(new RegisterAdvisor.Command(SecondAdvisorSubject, "Piotr Kamiński", "piotr.kaminski@doradcy.example.pl",
            ["strategia", "finansowanie"], 3), ct);

        async Task<Guid> EngageAsync(string teryt, AdvisorView advisor) =>
            (await mediator.Send(new AssignEngagement.Command(recruitmentId, teryt, advisor.Id, HoursBudget, null), ct)).Id;
        await EngageAsync(jst[0], marta); // stays in diagnosis
        var inPlan = await EngageAsync(jst[1], piotr);
        var inSupport = await EngageAsync(jst[2], marta);

        var today = PlanDates.Today(clock);
        var framework = MaturityFramework.Current;
        IReadOnlyList<RecordDiagnosis.RespondentRequest> Respondents(int shift) =>
        [
            new(RespondentRole.EducationDepartment, "Wydział Edukacji",
                framework.Statements.Select((s, i) => (s.Id, V: (int?)(1 + (i + shift) % 4))).ToDictionary(x => x.Id, x => x.V)),
            new(RespondentRole.SchoolHead, "Dyrektor szkoły podstawowej",
                framework.Statements.Select((s, i) => (s.Id, V: i % 7 == 0 ? null : (int?)(2 + (i + shift) % 3))).ToDictionary(x => x.Id, x => x.V)),
        ];
        foreach (var (engagement, shift) in new[] { (inPlan, 0), (inSupport, 1) })
        {
            await mediator.Send(new RecordDiagnosis.Command(engagement, DiagnosisKind.Initial, today.AddDays(-40), Respondents(shift)), ct);
            await mediator.Send(new MoveEngagementStage.Command(engagement, EngagementStage.Plan), ct);
        }

        await mediator.Send(new AddPlanGoal.Command(inSupport, "Szkoły odtwarzają dane po incydencie w ciągu jednego dnia", ["cyberbezpieczenstwo"], [],
        [
            new ActionRequest("Przyjąć wspólną politykę kopii zapasowych dla szkół", "Wydział Edukacji (koordynator)", true, today.AddDays(30)),
            new ActionRequest("Przeszkolić sekretariaty szkół z odtwarzania danych", "Doradca i CUW", false, today.AddDays(-5)),
        ]), ct);
        await mediator.Send(new MoveEngagementStage.Command(inSupport, EngagementStage.Support), ct);
        foreach (var (daysAgo, hours) in new[] { (35, 2.5m), (20, 3m) })
        {
            await mediator.Send(new LogSession.Command(inSupport, today.AddDays(-daysAgo), hours, AdvisorySessionMode.InPerson,
                ["naczelnik Wydziału Edukacji", "dyrektorzy szkół"], ["kopie zapasowe w szkołach"], "Dane demonstracyjne.",
                ["Projekt polityki do uzgodnienia z dyrektorami."]), ct);
        }
    }
}
