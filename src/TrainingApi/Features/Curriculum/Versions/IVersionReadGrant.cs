using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>
/// Another slice's say in who reads a version that is not yet public (a draft): Consultations lets an organisation read the
/// version its comment was taken into. Curriculum asks every registered grant and never learns why; the grant answers with
/// a query of version ids, composed into <see cref="VersionAccess"/>'s rule so it runs in the same SQL.
/// </summary>
public interface IVersionReadGrant
{
    /// <summary>The versions the caller may read besides the public ones; null when this grant gives the caller none.</summary>
    IQueryable<Guid>? VersionsGrantedTo(Caller caller);
}
