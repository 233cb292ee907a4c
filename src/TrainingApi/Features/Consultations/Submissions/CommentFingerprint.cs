using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrainingApi.Features.Consultations.Submissions;

/// <summary>
/// What makes two comments "the same": the anchor, the comment and the proposed change, compared without regard
/// to case, spacing, punctuation around words or Unicode form. The quote and the justification may differ.
/// </summary>
public static class CommentFingerprint
{
    public static byte[] Of(string? anchor, string content, string? proposedChange) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{anchor ?? ""}\u001f{Normalise(content)}\u001f{Normalise(proposedChange)}"));

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
