namespace TrainingApi.Features.SelfAssessment.Invitations;

// Placeholder, replaced by the use case of this name.
public static class RevokeInvitation
{
    public static void Map(RouteGroupBuilder group) { }
}
