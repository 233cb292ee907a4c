using System.Collections.Concurrent;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Webhooks;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>DNS as a test says: a name resolves to the addresses last set for it, any other name does not resolve.</summary>
public sealed class FakeHostResolver : IWebhookHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> names = new(StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<string, bool> hanging = new(StringComparer.OrdinalIgnoreCase);

    public void Set(string host, params string[] addresses) => names[host] = [.. addresses.Select(IPAddress.Parse)];

    /// <summary>The name's DNS server never answers.</summary>
    public void Hang(string host) => hanging[host] = true;

    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        if (hanging.ContainsKey(host))
        {
            await new TaskCompletionSource().Task.WaitAsync(ct); // no answer, until the caller gives up
        }

        return names.TryGetValue(host, out var addresses) ? addresses : throw new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>A name no other test uses, so subscriptions of one test never follow another's DNS changes.</summary>
    public static string NewName() => $"hooks-{Guid.NewGuid():N}.example.com";

    /// <summary>An address of this machine's own interfaces other than loopback, or null when it has none.</summary>
    public static string? OwnInterfaceAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))?.ToString();
}

/// <summary>A test that needs an address of this machine other than loopback; skipped on a machine without one.</summary>
public sealed class OwnAddressFactAttribute : FactAttribute
{
    public OwnAddressFactAttribute()
    {
        if (FakeHostResolver.OwnInterfaceAddress() is null)
        {
            Skip = "This machine has no interface address other than loopback.";
        }
    }
}

/// <summary>An API instance as in production for webhook targets (Webhooks:AllowInsecureUrls false), with DNS faked.</summary>
public sealed class StrictWebhookFactory : WebhookFactory
{
    public FakeHostResolver Resolver { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Webhooks:AllowInsecureUrls"] = "false" };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IWebhookHostResolver>(Resolver);
}
