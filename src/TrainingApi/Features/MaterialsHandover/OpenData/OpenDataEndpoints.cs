namespace TrainingApi.Features.MaterialsHandover.OpenData;

/// <summary>The DCAT-AP description under the public catalogue (see docs/open-data.md).</summary>
public static class OpenDataEndpoints
{
    public static RouteGroupBuilder MapOpenData(this RouteGroupBuilder catalogue)
    {
        GetDcatCatalogue.Map(catalogue);
        GetDcatProgramme.Map(catalogue);
        GetDcatRelease.Map(catalogue);
        return catalogue;
    }
}
