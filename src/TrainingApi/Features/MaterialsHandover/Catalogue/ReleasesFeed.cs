using System.Text;
using System.Xml;
using System.Xml.Linq;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

public static class ReleasesFeed
{
    public const string MediaType = "application/atom+xml";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public sealed record Feed(byte[] Xml, DateTimeOffset Updated, string Tag);

    public sealed record Query(string BaseUrl) : IQuery<Feed>;

    /// <summary>The 50 most recent publications, newest first (RFC 4287).</summary>
    public sealed class Handler([FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db) : IQueryHandler<Query, Feed>
    {
        public async ValueTask<Feed> Handle(Query query, CancellationToken ct)
        {
            var releases = await CatalogueRelease.Public(db).OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Take(50).ToListAsync(ct);
            var ids = releases.Select(r => r.Id).ToList();
            var sizes = await db.Set<ReleaseFile>().AsNoTracking().Where(f => ids.Contains(f.ReleaseId) && f.Format == "zip")
                .ToDictionaryAsync(f => f.ReleaseId, f => f.Size, ct);
            var updated = releases.Select(r => r.SupersededAt ?? r.PublishedAt!.Value).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
            var feed = new XElement(Atom + "feed", new XAttribute(XNamespace.Xml + "lang", "pl"),
                new XElement(Atom + "id", "urn:trainingapi:releases"),
                new XElement(Atom + "title", "Wydania materiałów: zarządzanie cyfryzacją szkół w JST"),
                new XElement(Atom + "updated", updated.ToString("O")),
                new XElement(Atom + "author", new XElement(Atom + "name", "Ośrodek Rozwoju Edukacji")),
                new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", query.BaseUrl + "/api/v1/catalogue/releases.atom")),
                // For harvesters: the DCAT-AP description of the whole catalogue, and of each release below.
                new XElement(Atom + "link", new XAttribute("rel", "describedby"), new XAttribute("type", "text/turtle"),
                    new XAttribute("href", query.BaseUrl + OpenData.DcatGraph.CataloguePath)),
                releases.Select(r => new XElement(Atom + "entry",
                    new XElement(Atom + "id", "urn:uuid:" + r.Id),
                    new XElement(Atom + "title", $"{r.Title} ({r.SemanticVersion})"),
                    new XElement(Atom + "updated", (r.SupersededAt ?? r.PublishedAt!.Value).ToString("O")),
                    new XElement(Atom + "published", r.PublishedAt!.Value.ToString("O")),
                    // For people: the release's accessible pages; for programs: its JSON.
                    new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("hreflang", r.Language),
                        new XAttribute("href", query.BaseUrl + GetCataloguePage.UrlOf(r.Id))),
                    new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "application/json"),
                        new XAttribute("href", $"{query.BaseUrl}/api/v1/catalogue/releases/{r.Id}")),
                    new XElement(Atom + "link", new XAttribute("rel", "enclosure"), new XAttribute("type", "application/zip"),
                        new XAttribute("length", sizes.GetValueOrDefault(r.Id)),
                        new XAttribute("href", $"{query.BaseUrl}/api/v1/catalogue/releases/{r.Id}/files/zip")),
                    new XElement(Atom + "link", new XAttribute("rel", "describedby"), new XAttribute("type", "text/turtle"),
                        new XAttribute("href", query.BaseUrl + PersistentIds.DescriptionPath(r.ProgrammeSlug, r.SemanticVersion))),
                    new XElement(Atom + "rights", r.Licence),
                    new XElement(Atom + "summary", r.Status == ReleaseStatus.Superseded ? $"Zastąpione nowszym wydaniem. {r.Notes}" : r.Notes))));
            using var stream = new MemoryStream();
            using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            {
                new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Save(writer);
            }

            return new Feed(stream.ToArray(), updated, EntityTags.Format(EntityTags.Combine([.. releases.Select(r => (object)r.Version), releases.Count])));
        }
    }

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapMethods("/releases.atom", Downloads.GetAndHead, async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> (IMediator mediator, PublicBaseUrl publicBase, HttpContext http, CancellationToken ct) =>
            {
                var feed = await mediator.Send(new Query(publicBase.Root), ct);
                http.Response.Headers.CacheControl = CatalogueRelease.CacheControl;
                // The feed's titles and summaries are Polish whatever the client's Accept-Language (messages follow it, content does not).
                http.Response.Headers.ContentLanguage = "pl";
                return ConditionalGet.File(http, feed.Xml, MediaType, null, feed.Tag, feed.Updated);
            })
            .WithName("GetReleasesFeed")
            .WithSummary("Atom feed of published releases (public)")
            .WithDescription("The 50 latest publications, newest first; each entry links to the release's pages for people (`text/html`), " +
                             "its JSON, its ZIP bundle (an enclosure with its length) and its DCAT-AP description (`describedby`, Turtle; the feed's own " +
                             "`describedby` is the whole catalogue). Links are absolute, from the configured public base URL. " +
                             "`Content-Language: pl`. ETag and 304.")
            .AllowAnonymous()
            .CachedWhenAnonymous(CatalogueCache.Tag)
            .SupportsIfNoneMatch(lastModified: true)
            .ProducesTextFile(StatusCodes.Status200OK, MediaType, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xml:lang=\"pl\" xmlns=\"http://www.w3.org/2005/Atom\">…</feed>", attachment: false);
}
