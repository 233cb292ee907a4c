namespace TrainingApi.Features.Consultations.Registrations;

public sealed record RepresentativeView(Guid Id, string Name, string Email, string? Phone, string? Position, bool? Attended);

/// <summary>A registration as the team (the attendance list) and the registering organisation see it; never public.</summary>
public sealed record RegistrationView(Guid Id, Guid MeetingId, Guid OrganisationId, DateTimeOffset RegisteredAt, IReadOnlyList<RepresentativeView> Representatives)
{
    public static RegistrationView From(MeetingRegistration r) => new(r.Id, r.MeetingId, r.OrganisationId, r.RegisteredAt,
        [.. r.Representatives.OrderBy(p => p.Id).Select(p => new RepresentativeView(p.Id, p.Name, p.Email, p.Phone, p.Position, p.Attended))]);

    public static readonly RegistrationView Example = new(Guid.Parse("01936b30-2300-7000-8000-000000000001"), Guid.Parse("01936b30-2000-7000-8000-000000000010"),
        Guid.Parse("0190a0b0-0000-7000-8000-000000000001"), new DateTimeOffset(2024, 3, 14, 9, 30, 0, TimeSpan.Zero),
        [new(Guid.Parse("01936b30-2300-7000-8000-000000000002"), "Anna Kowalska", "a.kowalska@zmp.example.pl", "+48 600 000 000", "ekspertka ds. edukacji", null)]);
}
