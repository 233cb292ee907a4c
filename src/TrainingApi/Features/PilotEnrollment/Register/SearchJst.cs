using FluentValidation;
using Mediator;
using TrainingApi.Common.Http;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Common.OpenApi;

namespace TrainingApi.Features.PilotEnrollment.Register;

public static class SearchJst
{
    private const string CacheTag = "register";

    /// <param name="AlternativeCode">For a city with county rights, its gmina code (the same unit).</param>
    public sealed record JstView(string Teryt, string? AlternativeCode, string Name, JstKind Kind, string VoivodeshipCode, string? PowiatCode)
    {
        public static readonly JstView Example = new("1061", "1061011", "Łódź", JstKind.MiastoNaPrawachPowiatu, "10", "1061");
    }

    public sealed record Query(string? Name, string? Code, JstKind? Kind, string? Voivodeship, int Limit, string? Cursor) : IQuery<Page<JstView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).ValidPageLimit();
            RuleFor(q => q.Name).MaximumLength(100);
            RuleFor(q => q.Code).Matches("^[0-9]{1,7}$");
            RuleFor(q => q.Voivodeship).Matches("^[0-9]{2}$");
        }
    }

    /// <summary>
    /// In TERYT order; one row per unit (a city with county rights appears once, with both codes). The register is immutable and
    /// embedded in the build, so it is searched in memory (JstRegister): a scan of 2,477 units beats the round trip to the same
    /// rows in PostgreSQL by far (docs/performance.md), and the answers are the same (ordinal prefix matches, TERYT order).
    /// </summary>
    public sealed class Handler : IQueryHandler<Query, Page<JstView>>
    {
        public ValueTask<Page<JstView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var name = string.IsNullOrWhiteSpace(query.Name) ? null : JstNames.Normalise(query.Name);
            var code = query.Code is { Length: > 0 } c ? c : null;
            var voivodeship = query.Voivodeship is { Length: > 0 } v ? v : null;
            var after = DecodeCursor(query.Cursor);
            var items = new List<JstView>(Math.Min(query.Limit, 100));
            var more = false;
            foreach (var unit in Units.Value)
            {
                var j = unit.Jst;
                if ((after is not null && string.CompareOrdinal(j.Teryt, after) <= 0)
                    || (name is not null && !j.SearchName.StartsWith(name, StringComparison.Ordinal))
                    || (code is not null && !j.Teryt.StartsWith(code, StringComparison.Ordinal) && unit.Alias?.StartsWith(code, StringComparison.Ordinal) != true)
                    || (query.Kind is { } kind && j.Kind != kind)
                    || (voivodeship is not null && j.VoivodeshipCode != voivodeship))
                {
                    continue;
                }

                if (items.Count == query.Limit)
                {
                    more = true;
                    break;
                }

                items.Add(new JstView(j.Teryt, unit.Alias, j.Name, j.Kind, j.VoivodeshipCode, j.PowiatCode));
            }

            return ValueTask.FromResult(new Page<JstView>(items, more ? items[^1].Teryt : null));
        }

        /// <summary>The units (no alias rows) in TERYT order, each with its alias code (the gmina code of a city with county rights).</summary>
        private static readonly Lazy<(Jst Jst, string? Alias)[]> Units = new(() =>
        {
            var aliases = JstRegister.All.Where(j => j.SameJstAs is not null).GroupBy(j => j.SameJstAs!)
                .ToDictionary(g => g.Key, g => g.Select(a => a.Teryt).Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);
            return [.. JstRegister.All.Where(j => j.SameJstAs is null).OrderBy(j => j.Teryt, StringComparer.Ordinal)
                .Select(j => (j, aliases.GetValueOrDefault(j.Teryt)))];
        });

        private static string? DecodeCursor(string? cursor) =>
            cursor is null or { Length: 0 } ? null
            : cursor.Length <= 7 && cursor.All(char.IsAsciiDigit) ? cursor
            : throw KeysetCursor.InvalidCursor();
    }

    public static void Map(RouteGroupBuilder jst) =>
        jst.MapGet("/", async (string? name, string? code, string? kind, string? voivodeship, int? limit, string? cursor, IMediator mediator,
                CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(name, code, QueryEnum.Parse<JstKind>(kind, "kind"), voivodeship, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("SearchJst")
            .TakesEnum<JstKind>("kind")
            .WithSummary("Search the register of Polish local-government units")
            .WithDescription("All 2,873 TERYT rows (GUS, TERC, 2024-01-01), one per unit. `name` is a prefix, any case, with or without Polish " +
                             "letters (\"lodz\" finds Łódź); `code` a TERYT prefix; `kind` (wojewodztwo, powiat, miasto-na-prawach-powiatu, " +
                             "gmina-miejska, gmina-wiejska, gmina-miejsko-wiejska); `voivodeship` its two-digit code. Public.")
            .AllowAnonymous()
            // The register never changes while the process runs: the same request always gets the same bytes.
            .CachedWhenAnonymous(CacheTag, "name", "code", "kind", "voivodeship", "limit", "cursor")
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<JstView>([JstView.Example], null));
}
