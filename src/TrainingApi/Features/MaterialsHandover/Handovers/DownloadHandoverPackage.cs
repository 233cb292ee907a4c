using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Handovers;

public static class DownloadHandoverPackage
{
    public sealed record Query(Guid HandoverId) : IQuery<ReleaseFile>;

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, ReleaseFile>
    {
        public async ValueTask<ReleaseFile> Handle(Query query, CancellationToken ct)
        {
            var handover = await db.Set<Handover>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == query.HandoverId, ct)
                           ?? throw Problem.NotFound(HandoverModule.HandoverNoun, query.HandoverId);
            return await db.Set<ReleaseFile>().AsNoTracking().FirstAsync(f => f.ReleaseId == handover.ReleaseId && f.Format == "zip", ct);
        }
    }

    public static void Map(RouteGroupBuilder handovers) =>
        handovers.MapGet("/{handoverId:guid}/package", async (Guid handoverId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var file = await mediator.Send(new Query(handoverId), ct);
                http.Response.Headers.ETag = $"\"{file.Sha256}\"";
                return TypedResults.File(file.Bytes, file.MediaType, file.FileName);
            })
            .WithName("DownloadHandoverPackage")
            .WithSummary("Download the package handed over")
            .WithDescription("The ZIP bundle of the release, byte for byte the one whose SHA-256 the handover records (also its ETag).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry)
            .ProducesFile(StatusCodes.Status200OK, "application/zip")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
