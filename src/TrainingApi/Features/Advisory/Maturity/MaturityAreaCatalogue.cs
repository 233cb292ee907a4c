using TrainingApi.Common.ReferenceData;

namespace TrainingApi.Features.Advisory.Maturity;

/// <summary>The current framework's areas, for the slices that tag or read by area without knowing the framework.</summary>
public sealed class MaturityAreaCatalogue : IMaturityAreaCatalogue
{
    public string FrameworkVersion => MaturityFramework.Current.Version;

    public IReadOnlyList<MaturityAreaName> Areas { get; } = [.. MaturityFramework.Current.Areas.Select(a => new MaturityAreaName(a.Code, a.Name, a.NameEn))];
}
