using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.SelfAssessment.Invitations;
using TrainingApi.Features.SelfAssessment.Responding;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment;

/// <summary>
/// Self-assessments of eight rural gminas of Małopolska, none of them in the pilot: seven closed rounds of nine respondents (three of each role)
/// (so each has six peers of its kind and the benchmark shows), one closed with two (too small to show results), and one
/// open round with progress to watch. <see cref="TourTeryt"/> (gmina Bochnia) is the one the README's tour reads.
/// Everything goes through the use cases, links included, as a JST and its respondents would.
/// </summary>
public sealed class SelfAssessmentDemoData(TrainingDb db, IMediator mediator, TimeProvider clock) : IDemoData
{
    public string Name => DemoDataNames.SelfAssessment;

    public const string TourTeryt = "1201022";

    private static readonly string[] Closed = ["1201022", "1201032", "1201042", "1201052", "1201072", "1201082", "1201092"];
    private const string TooSmall = "1202012";
    private const string StillOpen = "1202042";

    // Three of each role, so the results show how the department, school heads and IT see it differently.
    private static readonly RespondentRole[] Roles =
    [
        RespondentRole.EducationDepartment, RespondentRole.EducationDepartment, RespondentRole.EducationDepartment,
        RespondentRole.SchoolHead, RespondentRole.SchoolHead, RespondentRole.SchoolHead, RespondentRole.It, RespondentRole.It, RespondentRole.It,
    ];

    public async Task LoadAsync(CancellationToken ct)
    {
        if (await db.Set<AssessmentRound>().AnyAsync(ct))
        {
            return;
        }

        var deadline = clock.GetUtcNow().AddDays(30);
        for (var j = 0; j < Closed.Length; j++)
        {
            await RoundAsync(Closed[j], j, Roles, Roles.Length, close: true, deadline, ct);
        }

        await RoundAsync(TooSmall, 7, Roles, 2, close: true, deadline, ct);
        await RoundAsync(StillOpen, 8, [RespondentRole.EducationDepartment, RespondentRole.SchoolHead, RespondentRole.Finance], 1, close: false, deadline, ct);
    }

    private async Task RoundAsync(string teryt, int jst, RespondentRole[] roles, int submitting, bool close, DateTimeOffset deadline, CancellationToken ct)
    {
        var round = await mediator.Send(new StartRound.Command(teryt, deadline, "Samoocena 2025", null), ct);
        var links = await mediator.Send(new CreateInvitations.Command(round.Id, [.. roles.Select(r => new CreateInvitations.InviteeRequest(r, null))], null), ct);
        for (var k = 0; k < submitting; k++)
        {
            await mediator.Send(new SubmitAnswers.Command(links.Invitations[k].Token, Answers(jst, k)), ct);
        }

        if (close)
        {
            await mediator.Send(new CloseRound.Command(round.Id), ct);
        }
    }

    /// <summary>A JST's level (2–4) varied per statement and respondent, with some "nie wiem / nie dotyczy".</summary>
    private static Dictionary<string, int?> Answers(int jst, int respondent) =>
        MaturityFramework.Current.Statements.Select((s, i) => (s.Id, Value: (i + respondent) % 9 == 8 ? null
                : (int?)Math.Clamp(2 + jst % 3 + (i + respondent / 3 + jst) % 3 - 1 + respondent / 3 % 2, MaturityFramework.MinScore, MaturityFramework.MaxScore)))
            .ToDictionary(a => a.Id, a => a.Value);
}
