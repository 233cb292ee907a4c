using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace TrainingApi.Benchmarks;

/// <summary>
/// The platform the reads are compared with: bare Kestrel (no middleware, no routing) answering the same bytes from memory, and
/// for the comment page raw Npgsql running the page's SQL and writing the same JSON. Started by <see cref="ReadsBenchmark"/>.
/// </summary>
internal static class BareServer
{
    /// <summary>The comment page as EF Core asks for it (one round, in (submitted_at, id) order, limit + 1).</summary>
    public const string CommentPageSql = """
        SELECT c.id, c.round_id, c.submission_id, c.organisation_id, c.position, c.anchor, c.quote, c.content, c.proposed_change, c.justification,
               c.member_jst_teryt, c.member_jst_name, c.duplicate_of_id, c.submitted_at, c.disposition, c.response, c.disposed_at,
               c.taken_into_version_id, c.taken_into_version_label
        FROM consultations.comments AS c
        WHERE c.round_id = $1
        ORDER BY c.submitted_at, c.id
        LIMIT $2
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string Get(string name) => args.SkipWhile(a => a != name).Skip(1).First();
        var folder = Get("--bytes");
        byte[] Read(string name) => File.ReadAllBytes(Path.Combine(folder, name));
        var latest = Read("latest.json");
        var latestTag = File.ReadAllText(Path.Combine(folder, "latest.etag"));
        var zip = Read("release.zip");
        var jst = Read("jst.json");
        var live = Read("live.json");
        var asset = Read("asset.png");
        var dcat = Read("dcat.ttl");
        var headers = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(Path.Combine(folder, "headers.json")))!
            .ToDictionary(p => p.Key, p => p.Value.Select(h => (Name: h.Key, Value: new Microsoft.Extensions.Primitives.StringValues(h.Value))).ToArray());
        var round = Guid.Parse(Get("--round"));
        await using var dataSource = NpgsqlDataSource.Create(Get("--db"));

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        // No Server header: the API sends none (Common/Http/KestrelSetup), and the two sides answer the same bytes.
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.AddServerHeader = false).UseUrls(Get("--url"));
        var app = builder.Build();
        app.Run(http =>
        {
            var response = http.Response;
            // The API's headers for this answer (captured by ReadsBenchmark), written as the API writes them: one by one.
            if (headers.TryGetValue(http.Request.Path.Value!, out var answer))
            {
                foreach (var (name, value) in answer)
                {
                    response.Headers[name] = value;
                }
            }

            switch (http.Request.Path.Value)
            {
                case "/latest":
                    return Bytes(response, latest, "application/json; charset=utf-8");
                case "/latest-304":
                    response.StatusCode = http.Request.Headers.IfNoneMatch == latestTag ? 304 : 200;
                    return response.StatusCode == 304 ? Task.CompletedTask : Bytes(response, latest, "application/json; charset=utf-8");
                case "/zip":
                    return Bytes(response, zip, "application/zip");
                case "/asset":
                    return Bytes(response, asset, "image/png");
                case "/dcat":
                    return Bytes(response, dcat, "text/turtle; charset=utf-8");
                case "/jst":
                    return Bytes(response, jst, "application/json; charset=utf-8");
                case "/live":
                    return Bytes(response, live, "application/json");
                case "/comments":
                    return CommentsAsync(http, dataSource, round);
                default:
                    response.StatusCode = 404;
                    return Task.CompletedTask;
            }
        });
        await app.RunAsync();
        return 0;
    }

    private static Task Bytes(HttpResponse response, byte[] body, string contentType)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>The same SQL, rows written as the API's CommentView page (camelCase, kebab-case enums, nextCursor).</summary>
    private static async Task CommentsAsync(HttpContext http, NpgsqlDataSource dataSource, Guid round)
    {
        const int limit = 20;
        await using var command = dataSource.CreateCommand(CommentPageSql);
        command.Parameters.Add(new NpgsqlParameter { Value = round });
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("items");
            var count = 0;
            string? next = null;
            while (await reader.ReadAsync(http.RequestAborted))
            {
                if (++count > limit)
                {
                    next = "more";
                    break;
                }

                json.WriteStartObject();
                json.WriteString("id", reader.GetGuid(0));
                json.WriteString("roundId", reader.GetGuid(1));
                json.WriteString("submissionId", reader.GetGuid(2));
                json.WriteString("organisationId", reader.GetGuid(3));
                json.WriteNumber("position", reader.GetInt32(4));
                WriteNullable(json, "anchor", reader, 5);
                WriteNullable(json, "quote", reader, 6);
                json.WriteString("content", reader.GetString(7));
                WriteNullable(json, "proposedChange", reader, 8);
                WriteNullable(json, "justification", reader, 9);
                WriteNullable(json, "memberJst", reader, 10);
                WriteNullable(json, "memberJstName", reader, 11);
                WriteNullable(json, "duplicateOf", reader, 12);
                json.WriteString("submittedAt", reader.GetFieldValue<DateTimeOffset>(13));
                json.WriteString("status", reader.IsDBNull(14) ? "awaiting-disposition" : "disposed");
                WriteNullable(json, "disposition", reader, 14);
                WriteNullable(json, "response", reader, 15);
                WriteNullable(json, "disposedAt", reader, 16);
                json.WriteNull("takenIntoVersion");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("nextCursor", next);
            json.WriteEndObject();
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, reader.GetValue(ordinal) switch
            {
                Guid g => g.ToString(),
                DateTimeOffset t => t.ToString("O"),
                DateTime t => t.ToString("O"),
                var v => v.ToString(),
            });
        }
    }
}
