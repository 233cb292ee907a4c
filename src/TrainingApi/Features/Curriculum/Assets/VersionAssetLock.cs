using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>
/// The version whose assets change, read under a share lock (the caller checks it is still a draft): a transition (which updates the row) waits until the change
/// commits, so no asset is added to or taken from a version that has just left draft.
/// </summary>
public static class VersionAssetLock
{
    public static async Task<ProgrammeVersion> LockAsync(TrainingDb db, Access access, Guid versionId, CancellationToken ct)
    {
        var visible = await access.FindVisibleAsync(db.Set<ProgrammeVersion>().AsNoTracking(), v => v.Id == versionId, CurriculumModule.VersionNoun, versionId, ct);
        return await db.FindLockedAsync<ProgrammeVersion>(visible.Id, RowLock.Share, tracked: false, ct) ?? visible;
    }
}
