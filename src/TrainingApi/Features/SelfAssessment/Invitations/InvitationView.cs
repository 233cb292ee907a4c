using TrainingApi.Common.Http;

namespace TrainingApi.Features.SelfAssessment.Invitations;

/// <param name="Id">The invitation's id (not its secret).</param>
/// <param name="Role">The respondent's role.</param>
/// <param name="Name">The invitee's name in a round with named respondents; null in an anonymous round.</param>
/// <param name="Status">Where the invitation stands now.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record InvitationView(Guid Id, string Role, string? Name, InvitationStatus Status, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt)
{
    public static InvitationView From(Invitation i, DateTimeOffset now) => new(i.Id, QueryEnum.Name(i.Role), i.Name, i.StatusAt(now), i.ExpiresAt, i.CreatedAt);

    public static readonly InvitationView Example = new(Guid.Parse("019c0000-0000-7000-8000-00000000b001"), "school-head", null, InvitationStatus.Opened,
        new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 3, 9, 5, 0, TimeSpan.Zero));
}
