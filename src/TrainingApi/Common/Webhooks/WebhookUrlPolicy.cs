using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Localization;

namespace TrainingApi.Common.Webhooks;

/// <summary>
/// Where deliveries may go. Outside Development (unless Webhooks:AllowInsecureUrls) only https, and only to
/// globally routable unicast addresses (<see cref="SpecialPurposeAddresses"/>) that are not this machine's own.
/// Checked when a subscription is made or changed (a name is resolved then, and every address it gives must pass),
/// and again each time a delivery connects: a name that later resolves inside the network (DNS rebinding) is
/// refused as a whole, and only the addresses just checked are connected to.
/// </summary>
public sealed class WebhookUrlPolicy(IOptions<WebhookOptions> options, IWebhookHostResolver resolver)
{
    public const int MaxUrlLength = 2000;

    /// <summary>How long a subscription request waits for DNS; a slower name is refused like one that does not resolve.</summary>
    public static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Why the URL cannot receive webhooks, or null when it can.</summary>
    /// <remarks>
    /// A name that does not resolve now is refused: it cannot be checked, and a subscription that cannot be
    /// delivered to helps nobody. Its owner subscribes once the DNS record exists.
    /// </remarks>
    public async Task<Text?> RefusalAsync(string? url, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return new Text("Give an absolute https URL without credentials in it.", "Podaj bezwzględny adres https bez danych logowania.");
        }

        if (options.Value.AllowInsecureUrls)
        {
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return new Text("Deliveries are sent over https only.", "Powiadomienia są wysyłane wyłącznie przez https.");
        }

        if (Literal(uri) is { } literal)
        {
            return Forbidden([literal]) is null ? null
                : new Text($"Deliveries cannot go to {literal}: only public internet addresses are allowed, not loopback, private, link-local, documentation or other special-purpose ones.",
                    $"Powiadomienia nie mogą trafiać na {literal}: dozwolone są tylko publiczne adresy internetowe, nie lokalne, prywatne, dokumentacyjne ani inne specjalnego przeznaczenia.");
        }

        var host = uri.IdnHost.TrimEnd('.');
        // RFC 6761: such names always mean this machine, whatever a DNS server says.
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new Text("Deliveries cannot go to localhost.", "Powiadomienia nie mogą trafiać na localhost.");
        }

        var addresses = await ResolveForSubscriptionAsync(host, ct);
        if (addresses.Length == 0)
        {
            return new Text($"{host} does not resolve to an address (within {ResolveTimeout.TotalSeconds:0} s); subscribe once its DNS record exists.",
                $"Nazwa {host} nie wskazuje żadnego adresu (w ciągu {ResolveTimeout.TotalSeconds:0} s); zasubskrybuj, gdy będzie istniał jej rekord DNS.");
        }

        return Forbidden(addresses) is { } forbidden
            ? new Text($"{host} resolves to {forbidden}, which is not a public internet address or is this server's own; deliveries cannot go there.",
                $"Nazwa {host} wskazuje adres {forbidden}, który nie jest publicznym adresem internetowym albo jest adresem tego serwera; powiadomienia nie mogą tam trafiać.")
            : null;
    }

    /// <summary>The connect step of the delivery client: every address the name gives must pass, then only those are tried.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host.TrimStart('[').TrimEnd(']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, ct);
        if (!options.Value.AllowInsecureUrls && Forbidden(addresses) is { } forbidden)
        {
            throw new HttpRequestException(
                $"{host} resolves to {forbidden}, which is not a public internet address or is this server's own; nothing was sent.");
        }

        if (addresses.Length == 0)
        {
            throw new HttpRequestException($"{host} resolves to no address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The first address deliveries may not go to, or null when all may.</summary>
    public static IPAddress? Forbidden(IEnumerable<IPAddress> addresses) =>
        addresses.FirstOrDefault(a => !SpecialPurposeAddresses.IsGlobalUnicast(a) || OwnAddresses.Contains(a));

    private static IPAddress? Literal(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.DnsSafeHost, out var address) ? address : null;

    /// <returns>No addresses when the name does not resolve in time.</returns>
    private async Task<IPAddress[]> ResolveForSubscriptionAsync(string host, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            // WaitAsync too: not every resolver honours cancellation.
            return await resolver.ResolveAsync(host, timeout.Token).WaitAsync(timeout.Token);
        }
        catch (Exception e) when (e is SocketException or ArgumentException
                                  || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return [];
        }
    }
}
