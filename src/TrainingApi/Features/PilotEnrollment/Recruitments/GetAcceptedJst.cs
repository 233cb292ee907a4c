using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

/// <summary>
/// The public list of JST taking part in a pilot, once the team has published it. Units only (code, name, kind,
/// voivodeship, status): no participant, no person. Live after publication, so a later withdrawal shows.
/// </summary>
public static class GetAcceptedJst
{
    public sealed record AcceptedJst(string Teryt, string Name, JstKind Kind, string VoivodeshipCode, string Voivodeship, ApplicationStatus Status);

    public sealed record AcceptedList(Guid RecruitmentId, string Title, DateTimeOffset PublishedAt, int Count, IReadOnlyList<AcceptedJst> Jst);

    public sealed record Query(Guid RecruitmentId) : IQuery<AcceptedList>;

    private static readonly ApplicationStatus[] TakingPart = [ApplicationStatus.Accepted, ApplicationStatus.Confirmed, ApplicationStatus.Completed];

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, AcceptedList>
    {
        public async ValueTask<AcceptedList> Handle(Query query, CancellationToken cancellationToken)
        {
            var recruitment = await db.Set<Recruitment>().AsNoTracking().Where(r => r.Id == query.RecruitmentId)
                                  .Select(r => new { r.Title, r.AcceptedListPublishedAt }).FirstOrDefaultAsync(cancellationToken)
                              ?? throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, query.RecruitmentId);
            if (recruitment.AcceptedListPublishedAt is not { } published)
            {
                throw Problem.NotFound(new Text("The list of JST taking part in this recruitment has not been published yet.",
                    "Lista JST uczestniczących w tym naborze nie została jeszcze opublikowana."), code: "accepted-list-not-published");
            }

            var taking = await db.Set<Application>().AsNoTracking()
                .Where(a => a.RecruitmentId == query.RecruitmentId && TakingPart.Contains(a.Status))
                .Select(a => new { a.JstTeryt, a.Status }).ToListAsync(cancellationToken);
            var voivodeships = JstRegister.All.Where(j => j.Kind == JstKind.Wojewodztwo).ToDictionary(j => j.VoivodeshipCode, j => j.Name);
            var list = taking.Select(a => (Unit: JstRegister.Find(a.JstTeryt)!, a.Status))
                .OrderBy(a => a.Unit.VoivodeshipCode, StringComparer.Ordinal).ThenBy(a => a.Unit.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("pl-PL"), false))
                .ThenBy(a => a.Unit.Teryt, StringComparer.Ordinal)
                .Select(a => new AcceptedJst(a.Unit.CanonicalTeryt, a.Unit.Name, a.Unit.Kind, a.Unit.VoivodeshipCode, voivodeships[a.Unit.VoivodeshipCode], a.Status))
                .ToList();
            return new AcceptedList(query.RecruitmentId, recruitment.Title, published, list.Count, list);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapGet("/{recruitmentId:guid}/accepted-jst", async (Guid recruitmentId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var list = await mediator.Send(new Query(recruitmentId), ct);
                http.Response.Headers.CacheControl = "public, max-age=300";
                return TypedResults.Ok(list);
            })
            .WithName("GetAcceptedJst")
            .WithSummary("The JST taking part in a pilot (public once published)")
            .WithDescription("Anyone may read it after the programme team has published it (`POST …/accepted-list/publication`); 404 " +
                             "`accepted-list-not-published` before. JST taking part (accepted, confirmed, completed) by voivodeship and name, " +
                             "with their TERYT code and kind; no personal data.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new AcceptedList(Guid.Parse("01936b30-1000-7000-8000-000000000020"),
                "Nabór JST do pilotażu szkoleń i doradztwa 2024", new DateTimeOffset(2024, 6, 3, 8, 0, 0, TimeSpan.Zero), 1,
                [new AcceptedJst("1061", "Łódź", JstKind.MiastoNaPrawachPowiatu, "10", "ŁÓDZKIE", ApplicationStatus.Confirmed)]));
}
