using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

/// <summary>
/// The ranked rule, as a pure function so a preview and the final run cannot differ. Order: score, highest first;
/// ties by earlier submission, then by TERYT code (so the same applications always give the same ranking). Going
/// down the list, an application takes a place while places are left and its voivodeship and its kind are under
/// their limits; every other one goes on the waiting list in ranking order.
/// </summary>
public static class RankedAllocation
{
    public sealed record Candidate(Guid ApplicationId, string Teryt, int Score, DateTimeOffset SubmittedAt);

    public sealed record Outcome(Guid ApplicationId, string Teryt, int Rank, int Score, bool Accepted, int? WaitlistPosition, string? Reason);

    public static IReadOnlyList<Outcome> Allocate(IEnumerable<Candidate> candidates, int capacity, int? maxPerVoivodeship, int? maxPerKind)
    {
        var ranked = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.SubmittedAt).ThenBy(c => c.Teryt, StringComparer.Ordinal).ToList();
        var perVoivodeship = new Dictionary<string, int>();
        var perKind = new Dictionary<JstKind, int>();
        var accepted = 0;
        var waiting = 0;
        var outcomes = new List<Outcome>(ranked.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var c = ranked[i];
            var jst = JstRegister.Find(c.Teryt)!;
            var reason = accepted >= capacity ? "capacity"
                : maxPerVoivodeship is { } v && perVoivodeship.GetValueOrDefault(jst.VoivodeshipCode) >= v ? "voivodeship-limit"
                : maxPerKind is { } k && perKind.GetValueOrDefault(jst.Kind) >= k ? "kind-limit"
                : null;
            if (reason is null)
            {
                accepted++;
                perVoivodeship[jst.VoivodeshipCode] = perVoivodeship.GetValueOrDefault(jst.VoivodeshipCode) + 1;
                perKind[jst.Kind] = perKind.GetValueOrDefault(jst.Kind) + 1;
                outcomes.Add(new Outcome(c.ApplicationId, c.Teryt, i + 1, c.Score, true, null, null));
            }
            else
            {
                outcomes.Add(new Outcome(c.ApplicationId, c.Teryt, i + 1, c.Score, false, ++waiting, reason));
            }
        }

        return outcomes;
    }
}
