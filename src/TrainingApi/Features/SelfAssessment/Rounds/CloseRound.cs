namespace TrainingApi.Features.SelfAssessment.Rounds;

// Placeholder, replaced by the use case of this name.
public static class CloseRound
{
    public static void Map(RouteGroupBuilder group) { }
}
