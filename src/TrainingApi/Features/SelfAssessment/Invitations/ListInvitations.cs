namespace TrainingApi.Features.SelfAssessment.Invitations;

// Placeholder, replaced by the use case of this name.
public static class ListInvitations
{
    public static void Map(RouteGroupBuilder group) { }
}
