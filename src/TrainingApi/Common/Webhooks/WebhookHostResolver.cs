using System.Net;
using System.Net.NetworkInformation;

namespace TrainingApi.Common.Webhooks;

/// <summary>
/// Turns a receiver's host name into addresses. An interface so tests can make a name resolve to loopback, to
/// this machine's own address or to a special-purpose range without a DNS server.
/// </summary>
public interface IWebhookHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

public sealed class DnsWebhookHostResolver : IWebhookHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>
/// The addresses of this machine's own interfaces. A public address of the API host passes the special-purpose
/// table, yet a webhook sent there reaches services listening on the host itself.
/// </summary>
public static class OwnAddresses
{
    public static bool Contains(IPAddress address)
    {
        address = Normalise(address);
        return NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Any(unicast => Normalise(unicast.Address).Equals(address));
    }

    // The scope of a link-local IPv6 address or the mapped form of an IPv4 one must not hide a match.
    private static IPAddress Normalise(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4()
        : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? new IPAddress(address.GetAddressBytes())
        : address;
}
