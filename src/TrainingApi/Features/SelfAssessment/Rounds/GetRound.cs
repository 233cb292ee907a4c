namespace TrainingApi.Features.SelfAssessment.Rounds;

// Placeholder, replaced by the use case of this name.
public static class GetRound
{
    public static void Map(RouteGroupBuilder group) { }
}
