using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using TrainingApi.Common.Security;
using TrainingApi.Common.Webhooks;
using TrainingApi.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Webhooks;

/// <summary>
/// The API as a real process, killed with SIGKILL: nothing committed before the kill may be lost. A second
/// instance (the test host) takes over the database afterwards.
/// </summary>
public sealed class WebhookCrashRecoveryTests(ApiFactory database) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_event_committed_just_before_the_process_is_killed_is_delivered_after_restart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        Guid programmeId;
        using (var doomed = await ApiProcess.StartAsync(database.ConnectionString, workerEnabled: false))
        {
            await Subscribe(doomed.Client, receiver);
            programmeId = await CreateProgrammeAsync(doomed.Client, "Zapisany przed awarią");
            doomed.Kill();
        }

        await using var restarted = WebhookFactory.JoiningDatabaseOf(database);
        await restarted.InitializeAsync();
        _ = restarted.CreateClient();

        await receiver.WaitUntilAsync(r => r.Any(w => w.IsAbout("programme.created", "programmeId", programmeId)));
    }

    [Fact]
    public async Task A_delivery_in_flight_when_the_process_is_killed_is_sent_again_with_the_same_webhook_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // The first attempt hangs, so the process dies in the middle of it.
        receiver.Answer = (_, previous) => previous == 0 ? new ReceiverAnswer(204, HeldUntil: ReceiverAnswer.Never) : new ReceiverAnswer(204);
        Guid programmeId;
        using (var doomed = await ApiProcess.StartAsync(database.ConnectionString, workerEnabled: true))
        {
            await Subscribe(doomed.Client, receiver);
            programmeId = await CreateProgrammeAsync(doomed.Client, "Dostarczany w chwili awarii");
            await receiver.WaitUntilArrivedAsync(r => r.Any(w => w.IsAbout("programme.created", "programmeId", programmeId)));
            doomed.Kill();
        }

        await using var restarted = WebhookFactory.JoiningDatabaseOf(database);
        await restarted.InitializeAsync();
        _ = restarted.CreateClient();

        var delivered = await receiver.WaitUntilAsync(r => r.Any(w => w.IsAbout("programme.created", "programmeId", programmeId)));
        var arrivals = receiver.Arrived.Where(w => w.IsAbout("programme.created", "programmeId", programmeId)).ToList();
        Assert.Equal(2, arrivals.Count);
        Assert.Equal(arrivals[0].Id, arrivals[1].Id);
        Assert.Single(delivered, w => w.IsAbout("programme.created", "programmeId", programmeId));
    }

    private static async Task Subscribe(HttpClient client, WebhookReceiver receiver) =>
        (await client.PostJsonAsync("/api/v1/webhook-subscriptions", new { url = receiver.Url, eventTypes = new[] { "programme.created" } }))
            .EnsureSuccessStatusCode();

    private static async Task<Guid> CreateProgrammeAsync(HttpClient client, string title) =>
        (await (await client.PostJsonAsync("/api/v1/programmes", new { title })).ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created)).Id;

    /// <summary>The built TrainingApi.dll started with `dotnet`, on a free loopback port.</summary>
    private sealed class ApiProcess : IDisposable
    {
        private readonly Process process;

        private ApiProcess(Process process, HttpClient client)
        {
            this.process = process;
            Client = client;
        }

        public HttpClient Client { get; }

        public static async Task<ApiProcess> StartAsync(string connectionString, bool workerEnabled)
        {
            var port = FreePort();
            var dll = typeof(Program).Assembly.Location;
            var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                    ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                    ["ConnectionStrings__TrainingDb"] = connectionString,
                    ["Auth__DevelopmentSigningKey"] = TestTokens.SigningKeyBase64,
                    ["Auth__AllowLocalSigningKey"] = "true",
                    ["Encryption__Key"] = ApiFactory.EncryptionKeyBase64,
                    ["Webhooks__WorkerEnabled"] = workerEnabled ? "true" : "false",
                    ["Webhooks__AllowInsecureUrls"] = "true",
                    ["Webhooks__PollIntervalMilliseconds"] = "50",
                    ["Webhooks__TimeoutSeconds"] = "120",
                },
            };
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(Roles.ProgrammeTeam));
            string state;
            try
            {
                // A connection refused is "not listening yet"; an exit ends the wait at once.
                state = await Eventually.ValueAsync("the API process to answer /health/ready", async () =>
                    process.HasExited ? "exited" : (await client.GetAsync("/health/ready")).IsSuccessStatusCode ? "ready" : "not ready",
                    seen => seen is "ready" or "exited", TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return state == "ready"
                ? new ApiProcess(process, client)
                : throw new InvalidOperationException($"The API process exited with {process.ExitCode} before it was ready.");
        }

        /// <summary>SIGKILL: no shutdown hooks, no graceful stop; PostgreSQL rolls back its open transactions.</summary>
        public void Kill()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                Kill();
            }

            Client.Dispose();
            process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
