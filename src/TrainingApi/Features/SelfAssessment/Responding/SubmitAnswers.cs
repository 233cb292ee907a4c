namespace TrainingApi.Features.SelfAssessment.Responding;

// Placeholder, replaced by the use case of this name.
public static class SubmitAnswers
{
    public static void Map(RouteGroupBuilder group) { }
}
