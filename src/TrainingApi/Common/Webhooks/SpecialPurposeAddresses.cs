using System.Net;
using System.Net.Sockets;

namespace TrainingApi.Common.Webhooks;

/// <summary>
/// Which addresses a webhook may be delivered to: globally routable unicast only. The blocks below are those of
/// the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its updates) that are not globally
/// reachable, plus multicast and the reserved space; see
/// https://www.iana.org/assignments/iana-ipv4-special-registry and
/// https://www.iana.org/assignments/iana-ipv6-special-registry.
/// A few blocks the registries mark globally reachable are refused as well, on purpose: they are anycast
/// infrastructure (AS112, AMT, PCP/TURN anycast inside 192.0.0.0/24 and 2001::/23), NAT64 or 6to4 prefixes whose
/// embedded IPv4 address could lead anywhere, or non-routable identifiers (ORCHIDv2); none is a webhook receiver.
/// </summary>
public static class SpecialPurposeAddresses
{
    /// <summary>IANA allocates IPv6 global unicast only from 2000::/3; anything outside it is not a public receiver.</summary>
    private static readonly Block GlobalUnicastV6 = Block.Parse("2000::/3");

    public static readonly IReadOnlyList<Block> Blocks =
    [
        // IPv4
        Block.Parse("0.0.0.0/8"),          // "this network"
        Block.Parse("10.0.0.0/8"),         // private use
        Block.Parse("100.64.0.0/10"),      // shared address space (carrier-grade NAT)
        Block.Parse("127.0.0.0/8"),        // loopback
        Block.Parse("169.254.0.0/16"),     // link-local (cloud metadata services live here)
        Block.Parse("172.16.0.0/12"),      // private use
        Block.Parse("192.0.0.0/24"),       // IETF protocol assignments
        Block.Parse("192.0.2.0/24"),       // documentation (TEST-NET-1)
        Block.Parse("192.31.196.0/24"),    // AS112-v4
        Block.Parse("192.52.193.0/24"),    // AMT
        Block.Parse("192.88.99.0/24"),     // deprecated 6to4 relay anycast
        Block.Parse("192.168.0.0/16"),     // private use
        Block.Parse("192.175.48.0/24"),    // direct delegation AS112 service
        Block.Parse("198.18.0.0/15"),      // benchmarking
        Block.Parse("198.51.100.0/24"),    // documentation (TEST-NET-2)
        Block.Parse("203.0.113.0/24"),     // documentation (TEST-NET-3)
        Block.Parse("224.0.0.0/4"),        // multicast
        Block.Parse("240.0.0.0/4"),        // reserved
        Block.Parse("255.255.255.255/32"), // limited broadcast (inside 240/4; listed because the registry lists it)

        // IPv6 (all but the last few are outside 2000::/3 too; listed so the table matches the registry)
        Block.Parse("::/128"),             // unspecified
        Block.Parse("::1/128"),            // loopback
        Block.Parse("::ffff:0:0/96"),      // IPv4-mapped: checked as the IPv4 address it carries, see IsGlobalUnicast
        Block.Parse("64:ff9b::/96"),       // IPv4/IPv6 translation (NAT64)
        Block.Parse("64:ff9b:1::/48"),     // local-use IPv4/IPv6 translation
        Block.Parse("100::/64"),           // discard-only
        Block.Parse("2001::/23"),          // IETF protocol assignments (Teredo, benchmarking, ORCHID, …)
        Block.Parse("2001:db8::/32"),      // documentation
        Block.Parse("2002::/16"),          // 6to4
        Block.Parse("2620:4f:8000::/48"),  // direct delegation AS112 service
        Block.Parse("3fff::/20"),          // documentation
        Block.Parse("5f00::/16"),          // segment routing (SRv6) SIDs
        Block.Parse("fc00::/7"),           // unique local
        Block.Parse("fe80::/10"),          // link-local
        Block.Parse("fec0::/10"),          // deprecated site-local
        Block.Parse("ff00::/8"),           // multicast
    ];

    public static bool IsGlobalUnicast(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !GlobalUnicastV6.Contains(address))
        {
            return false;
        }

        return address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
               && !Blocks.Any(block => block.Contains(address));
    }

    /// <summary>An address block in CIDR notation.</summary>
    public sealed record Block(IPAddress Network, int PrefixLength)
    {
        public static Block Parse(string cidr)
        {
            var slash = cidr.IndexOf('/', StringComparison.Ordinal);
            return new Block(IPAddress.Parse(cidr[..slash]), int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }

        public bool Contains(IPAddress address)
        {
            if (address.AddressFamily != Network.AddressFamily)
            {
                return false;
            }

            Span<byte> candidate = stackalloc byte[16];
            Span<byte> network = stackalloc byte[16];
            address.TryWriteBytes(candidate, out var length);
            Network.TryWriteBytes(network, out _);
            var bits = PrefixLength;
            for (var i = 0; i < length && bits > 0; i++, bits -= 8)
            {
                var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
                if ((candidate[i] & mask) != (network[i] & mask))
                {
                    return false;
                }
            }

            return true;
        }

        public override string ToString() => $"{Network}/{PrefixLength}";
    }
}
