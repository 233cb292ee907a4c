using System.Globalization;

namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>
/// The size of a file as a Polish reader expects it next to a link: decimal comma, a space before the unit, SI units
/// (1 kB = 1000 B): <c>850 B</c>, <c>340 kB</c>, <c>1,2 MB</c>, <c>15 MB</c>. One place for the pages, the checker's advice and any
/// other export that names an attachment.
/// </summary>
public static class AttachmentSize
{
    private static readonly CultureInfo PolishCulture = CultureInfo.GetCultureInfo("pl-PL");

    public static string Polish(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes < 1000)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }

        var kilobytes = Math.Round(bytes / 1000d, MidpointRounding.AwayFromZero);
        if (kilobytes < 1000)
        {
            return kilobytes.ToString("0", CultureInfo.InvariantCulture) + " kB";
        }

        var megabytes = bytes / 1_000_000d;
        // One decimal below 10 MB ("1,2 MB", "2 MB" rather than "2,0 MB"), whole megabytes above.
        return (megabytes < 9.95 ? Math.Round(megabytes, 1, MidpointRounding.AwayFromZero).ToString("0.#", PolishCulture) : Math.Round(megabytes, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)) + " MB";
    }
}
