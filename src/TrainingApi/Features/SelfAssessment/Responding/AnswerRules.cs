using FluentValidation;
using FluentValidation.Results;
using TrainingApi.Common.Localization;
using TrainingApi.Features.Advisory.Maturity;

namespace TrainingApi.Features.SelfAssessment.Responding;

/// <summary>
/// What an answer may be: 1–5 or null, and only to a statement of the round's framework version. Checked against the round
/// (known only once the link is found), so the failures are raised from the handler, as the validation behaviour would.
/// </summary>
public static class AnswerRules
{
    public const int MaxAnswers = 200;

    public static void Check(MaturityFramework framework, IReadOnlyDictionary<string, int?> answers)
    {
        var ids = framework.Statements.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var failures = new List<ValidationFailure>();
        if (answers.Count > MaxAnswers)
        {
            failures.Add(new ValidationFailure("answers", new Text($"At most {MaxAnswers} answers.", $"Najwyżej {MaxAnswers} odpowiedzi.").ToString()));
        }

        foreach (var (id, value) in answers.Take(MaxAnswers))
        {
            if (!ids.Contains(id))
            {
                failures.Add(new ValidationFailure($"answers.{id}", new Text(
                    $"'{id}' is not a statement of framework {framework.Version}.", $"'{id}' nie jest stwierdzeniem modelu {framework.Version}.").ToString()));
            }
            else if (value is < MaturityFramework.MinScore or > MaturityFramework.MaxScore)
            {
                failures.Add(new ValidationFailure($"answers.{id}", new Text(
                    "An answer is 1–5, or null for \"nie wiem / nie dotyczy\".", "Odpowiedź to 1–5 albo null („nie wiem / nie dotyczy”).").ToString()));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}
