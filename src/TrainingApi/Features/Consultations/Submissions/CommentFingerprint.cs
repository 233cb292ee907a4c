using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrainingApi.Features.Consultations.Submissions;

/// <summary>
/// What makes two comments "the same": one organisation, one round, the anchor, the comment and the proposed
/// change, compared without regard to case, spacing, punctuation around words or Unicode form (the quote and the
/// justification may differ). Round and organisation are inside the hash, so the lookup is by fingerprint alone:
/// a query on one selective index, which PostgreSQL plans well even before it has statistics on a new round.
/// </summary>
public static class CommentFingerprint
{
    public static byte[] Of(Guid roundId, Guid organisationId, string? anchor, string content, string? proposedChange) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{roundId:N}\u001f{organisationId:N}\u001f{anchor ?? ""}\u001f{Normalise(content)}\u001f{Normalise(proposedChange)}"));

    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}
