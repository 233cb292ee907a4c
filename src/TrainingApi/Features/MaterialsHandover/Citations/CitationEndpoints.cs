namespace TrainingApi.Features.MaterialsHandover.Citations;

/// <summary>How to cite the published materials, under the public catalogue.</summary>
public static class CitationEndpoints
{
    public static RouteGroupBuilder MapCitations(this RouteGroupBuilder catalogue)
    {
        GetReleaseCitation.Map(catalogue);
        GetReleaseCitation.MapCslJson(catalogue);
        GetProgrammeDataCite.Map(catalogue);
        return catalogue;
    }
}
