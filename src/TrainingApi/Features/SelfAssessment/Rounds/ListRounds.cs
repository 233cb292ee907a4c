namespace TrainingApi.Features.SelfAssessment.Rounds;

// Placeholder, replaced by the use case of this name.
public static class ListRounds
{
    public static void Map(RouteGroupBuilder group) { }
}
