using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
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
        handovers.MapMethods("/{handoverId:guid}/package", Downloads.GetAndHead, async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> (
                Guid handoverId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var file = await mediator.Send(new Query(handoverId), ct);
                return ConditionalGet.File(http, file.Bytes, file.MediaType, file.FileName, file.ETag());
            })
            .WithName("DownloadHandoverPackage")
            .WithSummary("Download the package handed over")
            .WithDescription("The ZIP bundle of the release, byte for byte the one whose SHA-256 the handover records (also its ETag; 304 for an If-None-Match naming it).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry)
            .SupportsIfNoneMatch()
            .ProducesFile(StatusCodes.Status200OK, "application/zip")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
