using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.PersonalData;

public static class ExportMyPersonalData
{
    public sealed record Query : IQuery<PersonalDataExport>;

    /// <summary>A signed-in person's own data: the applications they submitted (with the participants they entered) and their audit trail.</summary>
    public sealed class Handler(TrainingDb db, Caller caller, TimeProvider clock, IEnumerable<IPersonalDataHolder> holders) : IQueryHandler<Query, PersonalDataExport>
    {
        public async ValueTask<PersonalDataExport> Handle(Query query, CancellationToken cancellationToken)
        {
            var applications = await db.Set<Application>().AsNoTracking().Include(a => a.Participants)
                .Where(a => a.SubmittedBy == caller.Subject).OrderBy(a => a.SubmittedAt).ToListAsync(cancellationToken);
            var audited = await db.Set<AuditEntry>().CountAsync(e => e.ActorSubject == caller.Subject, cancellationToken);
            var elsewhere = await holders.CollectAsync(h => h.ExportForSubjectAsync(db, caller.Subject!, cancellationToken));
            return new PersonalDataExport(caller.Subject!, clock.GetUtcNow(),
                [.. applications.SelectMany(a => a.Participants.Select(p => new ExportedParticipant(a.Id, a.RecruitmentId, a.JstTeryt, p.Name, p.Position, p.Email, p.Phone)))],
                [.. applications.Select(a => new ExportedApplication(a.Id, a.RecruitmentId, a.JstTeryt, Common.Http.QueryEnum.Name(a.Status), a.RodoClauseVersion, a.RodoAcknowledgedAt, a.SubmittedAt))],
                elsewhere, audited, PersonalDataExport.NotePl);
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapGet("/personal-data", async (IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.ContentDisposition = "attachment; filename=\"moje-dane.json\"";
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(await mediator.Send(new Query(), ct));
            })
            .WithName("ExportMyPersonalData")
            .WithSummary("Download the personal data held on me")
            .WithDescription("For a coordinator (or anyone signed in): the applications they submitted with the participants they entered, " +
                             "what other areas hold on them (`heldElsewhere`, e.g. their advisor record), and how many audit entries name them, " +
                             "as a JSON file (RODO art. 15).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Advisor, Roles.JstCoordinator, Roles.Ministry)
            .WithResponseExample(StatusCodes.Status200OK, PersonalDataExport.Example);
}
