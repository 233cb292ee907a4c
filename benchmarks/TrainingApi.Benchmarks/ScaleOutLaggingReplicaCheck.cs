using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;

namespace TrainingApi.Benchmarks;

/// <summary>
/// The check of scripts/scale-out.sh for a publication behind a lagging replica: the replica is made to apply every commit
/// <see cref="ApplyDelay"/> late (<c>recovery_min_apply_delay</c>, reloaded), a release is published through nginx, and
/// <c>latest</c> is read through nginx, from every live instance, from the moment the publisher has answered until the replica
/// has replayed the publication and a second more. Holds when every read answered the new release.
/// </summary>
internal static class ScaleOutLaggingReplicaCheck
{
    private static readonly TimeSpan ApplyDelay = TimeSpan.FromSeconds(3);

    public static async Task<(string Name, bool Held, string Detail)> RunAsync(HttpClient http, AuthenticationHeaderValue team, string primaryString, string replicaString)
    {
        const string name = "publication behind a lagging replica";
        await using var primary = new NpgsqlConnection(primaryString);
        await using var replica = new NpgsqlConnection(replicaString);
        await primary.OpenAsync();
        await replica.OpenAsync();
        try
        {
            // A release to publish: an update of the version behind the demo's latest release (the update path needs no new pilot).
            var old = await ScaleOutChecks.SendAsync(http, HttpMethod.Get, "/api/v1/catalogue/releases/latest", null);
            var oldVersion = old.GetProperty("semanticVersion").GetString()!;
            var programmeId = old.GetProperty("programmeId").GetString()!;
            var versionId = (await ScaleOutChecks.SendAsync(http, HttpMethod.Get, $"/api/v1/releases/{old.GetProperty("id").GetString()}", team)).GetProperty("versionId").GetString();
            var update = await ScaleOutChecks.SendAsync(http, HttpMethod.Post, $"/api/v1/programmes/{programmeId}/versions", team, new
            {
                label = $"{int.Parse(old.GetProperty("programmeVersion").GetString()!.Split('.')[0], CultureInfo.InvariantCulture) + 1}.0", basedOnVersionId = versionId,
                updateReason = "change-in-law",
                notes = "Poprawka: sprawdzenie publikacji za opóźnioną repliką.",
            });
            var updateId = update.GetProperty("id").GetString();
            foreach (var to in new[] { "in-review", "accessible", "tested" })
            {
                await ScaleOutChecks.SendAsync(http, HttpMethod.Post, $"/api/v1/versions/{updateId}/transitions", team, new { to, reason = "Sprawdzenie skalowania." });
            }

            var newVersion = $"{int.Parse(oldVersion.Split('.')[0], CultureInfo.InvariantCulture) + 1}.0.0";
            var draft = await ScaleOutChecks.SendAsync(http, HttpMethod.Post, "/api/v1/releases", team, new
            {
                versionId = updateId, semanticVersion = newVersion, title = "Wydanie za opóźnioną repliką", reasons = new[] { "change-in-law" },
                notes = "Sprawdzenie skalowania.",
            });
            var draftId = draft.GetProperty("id").GetString()!;

            await ExecuteAsync(replica, $"ALTER SYSTEM SET recovery_min_apply_delay = '{ApplyDelay.TotalMilliseconds}ms'");
            await ScaleOutChecks.ScalarAsync<bool>(replica, "SELECT pg_reload_conf()");
            // Everything so far replayed, and a moment for every instance to trust the replica again and keep the old latest.
            var lsn = await ScaleOutChecks.ScalarAsync<string>(primary, "SELECT pg_current_wal_insert_lsn()::text");
            var wait = Stopwatch.StartNew();
            while (!await ScaleOutChecks.ScalarAsync<bool>(replica, $"SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn") && wait.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(20);
            }

            await Task.Delay(1500);
            for (var i = 0; i < 6; i++)
            {
                await ScaleOutChecks.SendAsync(http, HttpMethod.Get, "/api/v1/catalogue/releases/latest", null);
            }

            await ScaleOutChecks.SendAsync(http, HttpMethod.Post, $"/api/v1/releases/{draftId}/publication", team);
            var answered = Stopwatch.StartNew();
            var behind = !await ReplayedAsync(replica, draftId);
            TimeSpan? replayedAfter = null;
            var reads = 0;
            var stale = 0;
            var failed = 0;
            var instances = new HashSet<string>();
            while (answered.Elapsed < (replayedAfter ?? ApplyDelay * 3) + TimeSpan.FromSeconds(1))
            {
                using var response = await http.GetAsync("/api/v1/catalogue/releases/latest");
                reads++;
                if (!response.IsSuccessStatusCode)
                {
                    failed++;
                }
                else if (JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("semanticVersion").GetString() != newVersion)
                {
                    stale++;
                }

                instances.Add(response.Headers.TryGetValues("X-Upstream", out var up) ? up.Single() : "?");
                if (replayedAfter is null && reads % 10 == 0 && await ReplayedAsync(replica, draftId))
                {
                    replayedAfter = answered.Elapsed;
                }

                // Paced under the per-address limit for anonymous reads (RateLimits:AnonymousPerMinute, 120 per instance).
                await Task.Delay(30);
            }

            return (name, behind && replayedAfter is not null && stale == 0 && failed == 0 && instances.Count >= 2,
                $"{reads} reads of latest through nginx from {instances.Count} instance(s) after the publisher's 200: {stale} old, {failed} failed; the replica " +
                $"(apply delay {ApplyDelay.TotalSeconds:0} s) was {(behind ? "behind" : "NOT behind")} at the answer and replayed the publication after " +
                (replayedAfter is { } after ? $"{after.TotalMilliseconds:0} ms" : "more than the check waited"));
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or NpgsqlException or KeyNotFoundException or JsonException)
        {
            return (name, false, e.Message);
        }
        finally
        {
            await ExecuteAsync(replica, "ALTER SYSTEM RESET recovery_min_apply_delay");
            await ScaleOutChecks.ScalarAsync<bool>(replica, "SELECT pg_reload_conf()");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> ReplayedAsync(NpgsqlConnection replica, string releaseId) =>
        await ScaleOutChecks.ScalarAsync<long>(replica, $"SELECT count(*) FROM handover.releases WHERE id = '{releaseId}' AND status = 'Published'") > 0;
}
