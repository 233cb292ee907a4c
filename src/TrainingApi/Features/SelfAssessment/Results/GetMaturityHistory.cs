namespace TrainingApi.Features.SelfAssessment.Results;

// Placeholder, replaced by the use case of this name.
public static class GetMaturityHistory
{
    public static void Map(RouteGroupBuilder group) { }
}
