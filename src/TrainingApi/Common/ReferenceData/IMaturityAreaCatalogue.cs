namespace TrainingApi.Common.ReferenceData;

/// <summary>
/// The areas of the current digital-maturity framework, answered by the slice that ships the framework (Advisory), so that a
/// slice it depends on (Curriculum, whose sections are tagged with areas) can check an area code without referring to it.
/// </summary>
public interface IMaturityAreaCatalogue
{
    /// <summary>The version of the framework the areas are of.</summary>
    string FrameworkVersion { get; }

    /// <summary>The areas in the framework's order.</summary>
    IReadOnlyList<MaturityAreaName> Areas { get; }
}

/// <summary>An area as other slices see it: its code and its Polish and English names.</summary>
public sealed record MaturityAreaName(string Code, string Name, string NameEn);
