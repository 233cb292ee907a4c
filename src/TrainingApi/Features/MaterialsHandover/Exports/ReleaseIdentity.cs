namespace TrainingApi.Features.MaterialsHandover.Exports;

/// <summary>A file describing the release for citation tools, and where it is downloaded from (an absolute address).</summary>
public sealed record CitationDownload(string Label, string MediaType, string Url);

/// <summary>
/// What the pages say about a release that release.json does not carry, because it is not the release's content but where and by
/// whom it is published: the publisher, the title it is cited by, the persistent addresses and the licence's URI, and, once it is
/// published, when and how to cite it. A draft's preview has no <see cref="Published"/>: its pages say so, and claim no address
/// that does not answer yet. The same identity always gives the same bytes.
/// </summary>
/// <param name="Title">The title a citation gives (the programme's, and the release's own title after it).</param>
public sealed record ReleaseIdentity(
    string Title, string Publisher, string PublisherHomepage, string ReleaseUri, string ConceptUri, string LicenceUri, ReleaseIdentity.Publication? Published)
{
    /// <param name="At">The publication time, the one the release is published with.</param>
    /// <param name="CitationText">The Polish citation ("Jak cytować"), ending with the persistent address.</param>
    public sealed record Publication(DateTimeOffset At, string CitationText, IReadOnlyList<CitationDownload> Downloads);
}
