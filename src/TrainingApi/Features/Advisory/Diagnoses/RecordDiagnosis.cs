using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Maturity;

namespace TrainingApi.Features.Advisory.Diagnoses;

public enum RespondentRole
{
    JstLeadership,
    EducationDepartment,
    SchoolHead,
    It,
    Finance,
    Other,
}

public static class RecordDiagnosis
{
    /// <param name="Respondent">The respondent at fault, as a path in the body (<c>respondents[1]</c>).</param>
    /// <param name="Missing">Statements of the framework left unanswered.</param>
    /// <param name="Unknown">Answers to statements the framework does not have.</param>
    public sealed record AnswersIncompleteMembers(string Respondent, IReadOnlyList<string> Missing, IReadOnlyList<string> Unknown);

    public static readonly ProblemShape<AnswersIncompleteMembers> AnswersIncomplete = new("answers-incomplete");

    /// <param name="Answers">Every statement of the framework: 1–5, or null for n/a.</param>
    public sealed record RespondentRequest(RespondentRole Role, string? Label, IReadOnlyDictionary<string, int?>? Answers);

    public sealed record Request(DiagnosisKind Kind, DateOnly ConductedOn, [property: Required] IReadOnlyList<RespondentRequest> Respondents);

    public sealed record Command(Guid EngagementId, DiagnosisKind Kind, DateOnly ConductedOn, IReadOnlyList<RespondentRequest> Respondents) : ICommand<DiagnosisView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Respondents).NotEmpty().MaximumItems(30)
                .WithMessage(_ => new Text("A diagnosis has 1 to 30 respondents.", "Diagnoza ma od 1 do 30 respondentów.").ToString());
            RuleForEach(c => c.Respondents).ChildRules(r =>
            {
                r.RuleFor(x => x.Role).IsInEnum();
                r.RuleFor(x => x.Label).MaximumLength(200);
                r.RuleFor(x => x.Answers).NotEmpty();
                r.RuleForEach(x => x.Answers).Must(a => a.Value is null or (>= MaturityFramework.MinScore and <= MaturityFramework.MaxScore))
                    .WithMessage(_ => new Text("Each answer is 1–5, or null for n/a.", "Każda odpowiedź to 1–5 albo null (nie dotyczy).").ToString());
            }).WhenWithinCount(c => c.Respondents, 30);
        }
    }

    public sealed class Handler(TrainingDb db, Access access, Caller caller, TimeProvider clock) : ICommandHandler<Command, DiagnosisView>
    {
        public async ValueTask<DiagnosisView> Handle(Command command, CancellationToken ct)
        {
            var engagement = await EngagementLookup.ForChangeAsync(access, db, command.EngagementId, ct);
            var expected = command.Kind == DiagnosisKind.Initial ? EngagementStage.Diagnosis : EngagementStage.Closure;
            if (engagement.Stage != expected)
            {
                throw Problem.Conflict(new Text(
                    $"A {Common.Http.QueryEnum.Name(command.Kind)} diagnosis is recorded in the {Common.Http.QueryEnum.Name(expected)} stage; the engagement is in {Common.Http.QueryEnum.Name(engagement.Stage)}.",
                    $"Diagnozę {Common.Http.QueryEnum.Name(command.Kind)} zapisuje się na etapie {Common.Http.QueryEnum.Name(expected)}; proces jest na etapie {Common.Http.QueryEnum.Name(engagement.Stage)}."),
                    "stage-does-not-allow");
            }

            var framework = MaturityFramework.Current;
            var respondents = command.Respondents.Select(r => new RespondentAnswers(Common.Http.QueryEnum.Name(r.Role), r.Label?.Trim(), r.Answers!)).ToList();
            CheckCoverage(framework, respondents);
            var now = clock.UtcNowForDatabase();
            var diagnosis = new Diagnosis(engagement.Id, command.Kind, framework.Version, command.ConductedOn, respondents,
                MaturityScoring.Score(framework, respondents), caller.Subject!, now);
            db.Add(diagnosis);
            await db.SaveChangesAsync(ct);
            return DiagnosisView.From(diagnosis);
        }

        /// <summary>Every statement answered (a score or n/a) and nothing else: a gap would silently change an area's mean.</summary>
        private static void CheckCoverage(MaturityFramework framework, List<RespondentAnswers> respondents)
        {
            var ids = framework.Statements.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < respondents.Count; i++)
            {
                var unknown = respondents[i].Answers.Keys.Where(k => !ids.Contains(k)).ToList();
                var missing = ids.Where(id => !respondents[i].Answers.ContainsKey(id)).ToList();
                if (unknown.Count == 0 && missing.Count == 0)
                {
                    continue;
                }

                throw AnswersIncomplete.Refuse(ProblemKind.UnprocessableContent, new Text(
                    $"Respondent {i + 1} (respondents[{i}]) must answer every statement of framework {framework.Version} (null for n/a)" +
                    (missing.Count > 0 ? $"; missing: {string.Join(", ", missing.Take(10))}" : "") + (unknown.Count > 0 ? $"; not in the framework: {string.Join(", ", unknown.Take(10))}" : "") + ".",
                    $"Respondent {i + 1} (respondents[{i}]) musi odpowiedzieć na każde stwierdzenie modelu {framework.Version} (null, gdy nie dotyczy)" +
                    (missing.Count > 0 ? $"; brak: {string.Join(", ", missing.Take(10))}" : "") + (unknown.Count > 0 ? $"; spoza modelu: {string.Join(", ", unknown.Take(10))}" : "") + "."),
                    new($"respondents[{i}]", missing, unknown));
            }
        }
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapPost("/{engagementId:guid}/diagnoses", async (Guid engagementId, Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(engagementId, r.Kind, r.ConductedOn, r.Respondents), ct);
                return TypedResults.Created($"/api/v1/engagements/{engagementId}/diagnoses", created);
            })
            .WithName("RecordDiagnosis")
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, AnswersIncomplete)
            .WithSummary("Record a digital-maturity diagnosis and get its scores")
            .WithDescription("`initial` in the diagnosis stage, `closing` in the closure stage (the latest of each kind counts). One or more " +
                             "respondents (e.g. the education department and school heads), each answering every statement of the current framework " +
                             "1–5 or null (n/a). Scores: a respondent's area score is the mean of their answers in it (n/a left out); the JST's area " +
                             "score is the mean over respondents, with min, max and standard deviation; the overall score is the mean of the area scores.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request(DiagnosisKind.Initial, DiagnosisView.Example.ConductedOn,
                [.. DiagnosisView.Example.Respondents.Select(r => new RespondentRequest(Enum.Parse<RespondentRole>(r.Role.Replace("-", ""), true), r.Label, r.Answers))]))
            .WithResponseExample(StatusCodes.Status201Created, DiagnosisView.Example);
}
