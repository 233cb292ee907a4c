using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Consultations.Dispositions;

/// <summary>
/// An organisation reads the versions its comments were taken into (draft 1.1 included), and so their diff from the consulted
/// version, from the moment `comment.taken-in` announces it: the event and this grant come from the same committed row.
/// Which comments are the caller's is <see cref="SubmissionAccess"/>'s rule (a partner's organisation, a coordinator's JST).
/// </summary>
public sealed class TakenInVersionGrant(TrainingDb db, Access access) : IVersionReadGrant
{
    public IQueryable<Guid>? VersionsGrantedTo(Caller caller) =>
        caller.Is(Roles.Partner) || caller.Is(Roles.JstCoordinator)
            ? access.Visible(db.Set<Comment>()).Where(c => c.TakenIntoVersionId != null).Select(c => c.TakenIntoVersionId!.Value)
            : null;
}
