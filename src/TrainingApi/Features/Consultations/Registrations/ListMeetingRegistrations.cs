using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Meetings;

namespace TrainingApi.Features.Consultations.Registrations;

public static class ListMeetingRegistrations
{
    public sealed record Query(Guid MeetingId, int Limit, string? Cursor) : IQuery<Page<RegistrationView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Page<RegistrationView>>
    {
        public async ValueTask<Page<RegistrationView>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Set<ConsultationMeeting>().AnyAsync(m => m.Id == query.MeetingId, ct))
            {
                throw Problem.NotFound(ConsultationsModule.MeetingNoun, query.MeetingId);
            }

            return await access.Visible(db.Set<MeetingRegistration>().AsNoTracking().Include(r => r.Representatives))
                .Where(r => r.MeetingId == query.MeetingId)
                .ToKeysetPageAsync(r => r.RegisteredAt, r => r.Id, query.Cursor, query.Limit, RegistrationView.From, ct);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapGet("/{meetingId:guid}/registrations", async (Guid meetingId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(meetingId, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListConsultationMeetingRegistrations")
            .WithSummary("A meeting's registrations: the attendance list")
            .WithDescription("In the order of sign-up, paged by cursor, with each representative's name, e-mail, phone and position. The team " +
                             "sees every organisation's (the list for the attendance record); a partner or coordinator only its own.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Partner, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<RegistrationView>([RegistrationView.Example], null));
}
