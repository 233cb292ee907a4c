namespace TrainingApi.Features.SelfAssessment.Results;

// Placeholder, replaced by the use case of this name.
public static class GetBenchmark
{
    public static void Map(RouteGroupBuilder group) { }
}
