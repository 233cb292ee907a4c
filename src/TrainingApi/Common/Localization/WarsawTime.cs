using System.Globalization;

namespace TrainingApi.Common.Localization;

/// <summary>Business deadlines are Europe/Warsaw: shown to people in that zone, stored and sent as UTC.</summary>
public static class WarsawTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (Europe/Warsaw)";

    /// <summary>The instant as Warsaw wall-clock time with its offset (+01:00 in winter, +02:00 in summer).</summary>
    public static DateTimeOffset ToWarsaw(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
