namespace TrainingApi.Features.SelfAssessment.Responding;

// Placeholder, replaced by the use case of this name.
public static class SaveAnswers
{
    public static void Map(RouteGroupBuilder group) { }
}
