using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.PersonalData;

public static class ExportPersonData
{
    public sealed record Request(string Email);

    public sealed record Query(string Email) : IQuery<PersonalDataExport>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Email).NotEmpty().EmailAddress().MaximumLength(254);
    }

    /// <summary>A participant has no account: the programme team answers their request, by e-mail address.</summary>
    public sealed class Handler(TrainingDb db, TimeProvider clock, IEnumerable<IPersonalDataHolder> holders) : IQueryHandler<Query, PersonalDataExport>
    {
        public async ValueTask<PersonalDataExport> Handle(Query query, CancellationToken cancellationToken)
        {
            var email = query.Email.Trim();
            var pattern = LikePattern.Exactly(email);
            var rows = await db.Set<Application>().AsNoTracking()
                .SelectMany(a => a.Participants.Where(p => EF.Functions.ILike(p.Email, pattern, LikePattern.Escape)),
                    (a, p) => new ExportedParticipant(a.Id, a.RecruitmentId, a.JstTeryt, p.Name, p.Position, p.Email, p.Phone))
                .ToListAsync(cancellationToken);
            var elsewhere = await holders.CollectAsync(h => h.ExportForEmailAsync(db, email, cancellationToken));
            return new PersonalDataExport(email, clock.GetUtcNow(), rows, [], elsewhere, 0, PersonalDataExport.NotePl);
        }
    }

    // POST, not GET: the e-mail address must not end up in URLs and access logs.
    public static void Map(RouteGroupBuilder personalData) =>
        personalData.MapPost("/exports", async (Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(request.Email), ct)))
            .WithName("ExportPersonData")
            .WithSummary("Export the personal data held on a person")
            .WithDescription("Every participant record with this e-mail address, with the JST and recruitment it belongs to, and the records other areas hold " +
                             "under it (`heldElsewhere`, e.g. an advisor) (RODO art. 15). Stores nothing.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .WithRequestExample(new Request("ewa.zielinska@uml.lodz.pl"))
            .WithResponseExample(StatusCodes.Status200OK, PersonalDataExport.Example);
}
