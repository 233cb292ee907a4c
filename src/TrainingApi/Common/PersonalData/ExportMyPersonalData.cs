using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.PersonalData;

public static class ExportMyPersonalData
{
    public sealed record Query : IQuery<PersonalDataExport>;

    /// <summary>A signed-in person's own data: what every holder keeps under their token's subject, and how many audit entries name them.</summary>
    public sealed class Handler(TrainingDb db, Caller caller, TimeProvider clock, IEnumerable<IPersonalDataHolder> holders) : IQueryHandler<Query, PersonalDataExport>
    {
        public async ValueTask<PersonalDataExport> Handle(Query query, CancellationToken cancellationToken)
        {
            var subject = caller.Subject!;
            var held = await holders.CollectAsync(h => h.ExportForSubjectAsync(db, subject, cancellationToken));
            var audited = await db.Set<AuditEntry>().CountAsync(e => e.ActorSubject == subject, cancellationToken);
            return new PersonalDataExport(subject, clock.GetUtcNow(), held, audited, PersonalDataExport.NotePl);
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
            .SendsAttachment(StatusCodes.Status200OK)
            .WithSummary("Download the personal data held on me")
            .WithDescription("For a coordinator (or anyone signed in): every record an area holds on them (`held`: the applications they submitted " +
                             "with the participants they entered, their advisor record…), and how many audit entries name them, as a JSON file (RODO art. 15).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Advisor, Roles.JstCoordinator, Roles.Ministry)
            .WithResponseExample(StatusCodes.Status200OK, PersonalDataExport.Example);
}
