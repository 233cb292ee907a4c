using TrainingApi.Common.Localization;

namespace TrainingApi.Features.Consultations.Dispositions;

/// <summary>The team's position on a comment (stanowisko).</summary>
public enum Disposition
{
    /// <summary>Uwzględniona.</summary>
    Accepted,

    /// <summary>Częściowo uwzględniona.</summary>
    PartlyAccepted,

    /// <summary>Nieuwzględniona.</summary>
    Rejected,

    /// <summary>Przyjęta do wiadomości (no change asked for, or none possible).</summary>
    Noted,
}

public static class DispositionNames
{
    public static Text Of(Disposition? disposition) => disposition switch
    {
        Disposition.Accepted => new("accepted", "uwzględniona"),
        Disposition.PartlyAccepted => new("partly accepted", "częściowo uwzględniona"),
        Disposition.Rejected => new("rejected", "nieuwzględniona"),
        Disposition.Noted => new("noted", "przyjęta do wiadomości"),
        _ => new("awaiting disposition", "oczekuje na stanowisko"),
    };
}
