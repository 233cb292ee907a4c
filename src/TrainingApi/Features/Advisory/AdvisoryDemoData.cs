using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Advisory.Advisors;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.Advisory.Plans;
using TrainingApi.Features.Advisory.Sessions;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment;

namespace TrainingApi.Features.Advisory;

/// <summary>
/// Two advisors and three engagements at different stages (diagnosis; plan, with the initial diagnosis; support, with
/// a plan and sessions) for the JST of the demo pilot. The advisors' subjects are the `--sub` to use with the token command.
/// </summary>
public sealed class AdvisoryDemoData(TrainingDb db, PilotParticipation pilot, IJstDirectory jsts, TimeProvider clock) : IDemoData
{
    public const string FirstAdvisorSubject = "marta.wisniewska";
    public const string SecondAdvisorSubject = "piotr.kaminski";

    public IReadOnlyList<Type> After => [typeof(PilotEnrollmentDemoData)];

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

        var now = clock.UtcNowForDatabase();
        var marta = new Advisor(FirstAdvisorSubject, "Marta Wiśniewska", "marta.wisniewska@doradcy.example.pl", ["cyberbezpieczenstwo", "infrastruktura"], 4, now);
        var piotr = new Advisor(SecondAdvisorSubject, "Piotr Kamiński", "piotr.kaminski@doradcy.example.pl", ["strategia", "finansowanie"], 3, now.AddTicks(10));
        db.AddRange(marta, piotr);

        Engagement Engage(string teryt, Advisor advisor, int offset) =>
            new(recruitmentId, teryt, jsts.Find(teryt)!.Name, advisor.Id, 40, null, now.AddTicks(100 + offset));
        var inDiagnosis = Engage(jst[0], marta, 1);
        var inPlan = Engage(jst[1], piotr, 2);
        var inSupport = Engage(jst[2], marta, 3);
        db.AddRange(inDiagnosis, inPlan, inSupport);

        var framework = MaturityFramework.Current;
        IReadOnlyList<RespondentAnswers> Respondents(int shift) =>
        [
            new("education-department", "Wydział Edukacji", framework.Statements.Select((s, i) => (s.Id, V: (int?)(1 + (i + shift) % 4))).ToDictionary(x => x.Id, x => x.V)),
            new("school-head", "Dyrektor szkoły podstawowej", framework.Statements.Select((s, i) => (s.Id, V: i % 7 == 0 ? null : (int?)(2 + (i + shift) % 3))).ToDictionary(x => x.Id, x => x.V)),
        ];
        foreach (var (engagement, shift) in new[] { (inPlan, 0), (inSupport, 1) })
        {
            var respondents = Respondents(shift);
            db.Add(new Diagnosis(engagement.Id, DiagnosisKind.Initial, framework.Version, DateOnly.FromDateTime(now.AddDays(-40).Date), respondents,
                MaturityScoring.Score(framework, respondents), "system", now));
        }

        inPlan.MoveTo(EngagementStage.Plan, now);
        inSupport.MoveTo(EngagementStage.Plan, now);
        var goal = new PlanGoal(inSupport.Id, "Szkoły odtwarzają dane po incydencie w ciągu jednego dnia", ["cyberbezpieczenstwo"], [], now);
        db.Add(goal);
        var today = DateOnly.FromDateTime(now.Date);
        db.AddRange(
            new PlanAction(goal.Id, inSupport.Id, "Przyjąć wspólną politykę kopii zapasowych dla szkół", "Wydział Edukacji (koordynator)", true, today.AddDays(30), now),
            new PlanAction(goal.Id, inSupport.Id, "Przeszkolić sekretariaty szkół z odtwarzania danych", "Doradca i CUW", false, today.AddDays(-5), now));
        inSupport.MoveTo(EngagementStage.Support, now);
        foreach (var (daysAgo, hours) in new[] { (35, 2.5m), (20, 3m) })
        {
            inSupport.LogHours(hours, now);
            db.Add(new AdvisorySession(inSupport.Id, today.AddDays(-daysAgo), hours, AdvisorySessionMode.InPerson, ["naczelnik Wydziału Edukacji", "dyrektorzy szkół"],
                ["kopie zapasowe w szkołach"], "Dane demonstracyjne.", ["Projekt polityki do uzgodnienia z dyrektorami."], "system", now));
        }

        await db.SaveChangesAsync(ct);
    }
}
