using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.PilotEnrollment.Register;

public static class SearchJst
{
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

    /// <summary>In TERYT order; one row per unit (a city with county rights appears once, with both codes).</summary>
    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Page<JstView>>
    {
        public async ValueTask<Page<JstView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var units = db.Set<Jst>().AsNoTracking().Where(j => j.SameJstAs == null);
            if (!string.IsNullOrWhiteSpace(query.Name))
            {
                var prefix = LikePattern.StartingWith(JstNames.Normalise(query.Name));
                units = units.Where(j => EF.Functions.Like(j.SearchName, prefix, LikePattern.Escape));
            }

            if (query.Code is { Length: > 0 } code)
            {
                var codePrefix = code + "%";
                units = units.Where(j => EF.Functions.Like(j.Teryt, codePrefix)
                                         || db.Set<Jst>().Any(alias => alias.SameJstAs == j.Teryt && EF.Functions.Like(alias.Teryt, codePrefix)));
            }

            if (query.Kind is { } kind)
            {
                units = units.Where(j => j.Kind == kind);
            }

            if (query.Voivodeship is { Length: > 0 } voivodeship)
            {
                units = units.Where(j => j.VoivodeshipCode == voivodeship);
            }

            var after = DecodeCursor(query.Cursor);
            if (after is not null)
            {
                // Translated to SQL and compared there, like the ORDER BY below; TERYT codes are ASCII digits.
#pragma warning disable CA1309
                units = units.Where(j => string.Compare(j.Teryt, after) > 0);
#pragma warning restore CA1309
            }

            var rows = await units.OrderBy(j => j.Teryt).Take(query.Limit + 1).ToListAsync(cancellationToken);
            var items = rows.Take(query.Limit).Select(j => new JstView(j.Teryt,
                JstRegister.All.FirstOrDefault(alias => alias.SameJstAs == j.Teryt)?.Teryt, j.Name, j.Kind, j.VoivodeshipCode, j.PowiatCode)).ToList();
            return new Page<JstView>(items, rows.Count > query.Limit ? items[^1].Teryt : null);
        }

        private static string? DecodeCursor(string? cursor) =>
            cursor is null or { Length: 0 } ? null
            : cursor.Length <= 7 && cursor.All(char.IsAsciiDigit) ? cursor
            : throw KeysetCursor.InvalidCursor();
    }

    public static void Map(RouteGroupBuilder jst) =>
        jst.MapGet("/", async (string? name, string? code, string? kind, string? voivodeship, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(name, code, QueryEnum.Parse<JstKind>(kind, "kind"), voivodeship, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("SearchJst")
            .TakesEnum<JstKind>("kind")
            .WithSummary("Search the register of Polish local-government units")
            .WithDescription("All 2,873 TERYT rows (GUS, TERC, 2024-01-01), one per unit. `name` is a prefix, any case, with or without Polish " +
                             "letters (\"lodz\" finds Łódź); `code` a TERYT prefix; `kind` (wojewodztwo, powiat, miasto-na-prawach-powiatu, " +
                             "gmina-miejska, gmina-wiejska, gmina-miejsko-wiejska); `voivodeship` its two-digit code. Public.")
            .AllowAnonymous()
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<JstView>([JstView.Example], null));
}
