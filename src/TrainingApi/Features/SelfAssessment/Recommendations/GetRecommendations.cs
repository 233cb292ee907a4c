namespace TrainingApi.Features.SelfAssessment.Recommendations;

// Placeholder, replaced by the use case of this name.
public static class GetRecommendations
{
    public static void Map(RouteGroupBuilder group) { }
}
