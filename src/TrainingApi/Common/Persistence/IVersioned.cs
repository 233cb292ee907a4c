namespace TrainingApi.Common.Persistence;

/// <summary>
/// An entity whose row version is PostgreSQL's <c>xmin</c> (configure it with <c>IsRowVersion()</c>).
/// The version is what the API sends as ETag and expects back in If-Match.
/// </summary>
public interface IVersioned
{
    uint Version { get; }
}
