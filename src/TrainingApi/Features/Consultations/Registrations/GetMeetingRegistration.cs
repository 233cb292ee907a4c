using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Consultations.Registrations;

public static class GetMeetingRegistration
{
    public sealed record Query(Guid MeetingId, Guid RegistrationId) : IQuery<RegistrationView>;

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, RegistrationView>
    {
        public async ValueTask<RegistrationView> Handle(Query query, CancellationToken ct) =>
            RegistrationView.From(await access.FindVisibleAsync(db.Set<MeetingRegistration>().AsNoTracking().Include(r => r.Representatives),
                r => r.Id == query.RegistrationId && r.MeetingId == query.MeetingId, ConsultationsModule.RegistrationNoun, query.RegistrationId, ct));
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapGet("/{meetingId:guid}/registrations/{registrationId:guid}", async (Guid meetingId, Guid registrationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(meetingId, registrationId), ct)))
            .WithName("GetConsultationMeetingRegistration")
            .WithSummary("Read a registration for a meeting")
            .WithDescription("Its representatives with name, e-mail, phone, position and, once recorded, attendance. The team reads any; a partner " +
                             "or coordinator only its own organisation's, any other is answered 404.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Partner, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, RegistrationView.Example);
}
