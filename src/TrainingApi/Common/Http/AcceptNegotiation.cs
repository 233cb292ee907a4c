using Microsoft.Net.Http.Headers;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Http;

/// <summary>
/// Server-driven content negotiation (RFC 9110 §12.5.1) for endpoints that offer one resource in several media types: the
/// offered type the client ranks highest (q-values, <c>type/*</c> and <c>*/*</c>), ties going to the order of the offer. No Accept,
/// or one that cannot be read, is "anything", so the first offered type. Nothing acceptable is 406 naming what there is.
/// </summary>
public static class AcceptNegotiation
{
    /// <param name="Offered">The media types the resource is available as.</param>
    public sealed record NotAcceptableMembers(IReadOnlyList<string> Offered);

    /// <summary>406 with the offered types; an endpoint that negotiates declares it with <c>ProducesTypedProblem(406, AcceptNegotiation.Refusal)</c>.</summary>
    public static readonly ProblemShape<NotAcceptableMembers> Refusal = new("not-acceptable");

    /// <summary>The chosen media type (one of <paramref name="offered"/>), or a 406 problem listing them in <c>offered</c>.</summary>
    public static string Choose(HttpRequest request, IReadOnlyList<string> offered) =>
        Best(request.Headers.Accept.ToString(), offered) ?? throw NotAcceptable(offered);

    /// <summary>The best of <paramref name="offered"/> for an Accept header's value, or null when none is acceptable.</summary>
    public static string? Best(string? accept, IReadOnlyList<string> offered)
    {
        if (string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList([accept], out var ranges) || ranges.Count == 0)
        {
            return offered[0];
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var candidate in offered)
        {
            var quality = QualityOf(candidate, ranges);
            if (quality > bestQuality)
            {
                (best, bestQuality) = (candidate, quality);
            }
        }

        return best;
    }

    public static ProblemException NotAcceptable(IReadOnlyList<string> offered) => Refusal.Refuse(ProblemKind.NotAcceptable,
        new Text($"This resource is available as {string.Join(", ", offered)}; ask for one of them in Accept.",
            $"Ten zasób jest dostępny jako {string.Join(", ", offered)}; poproś o jeden z nich w nagłówku Accept."),
        new(offered));

    /// <summary>The quality the most specific matching range gives (RFC 9110: a more specific range overrides a broader one).</summary>
    private static double QualityOf(string candidate, IList<MediaTypeHeaderValue> ranges)
    {
        var type = new MediaTypeHeaderValue(candidate);
        var specificity = -1;
        var quality = 0.0;
        foreach (var range in ranges)
        {
            var rangeSpecificity = range.MatchesAllTypes ? 0 : range.MatchesAllSubTypes ? 1 : 2;
            if (rangeSpecificity > specificity && type.IsSubsetOf(range))
            {
                specificity = rangeSpecificity;
                quality = range.Quality ?? 1.0;
            }
        }

        return quality;
    }
}
