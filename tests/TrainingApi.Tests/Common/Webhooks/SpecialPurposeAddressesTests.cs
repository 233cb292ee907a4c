using System.Net;
using TrainingApi.Common.Webhooks;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Webhooks;

/// <summary>The address classifier alone, at the edges of the blocks.</summary>
public sealed class SpecialPurposeAddressesTests
{
    [Theory]
    [InlineData("0.0.0.0", false)]
    [InlineData("0.255.255.255", false)]
    [InlineData("1.0.0.0", true)]
    [InlineData("9.255.255.255", true)]
    [InlineData("10.0.0.0", false)]
    [InlineData("11.0.0.0", true)]
    [InlineData("100.63.255.255", true)]
    [InlineData("100.64.0.0", false)]
    [InlineData("100.127.255.255", false)]
    [InlineData("100.128.0.0", true)]
    [InlineData("127.255.255.255", false)]
    [InlineData("169.254.0.1", false)]
    [InlineData("172.15.255.255", true)]
    [InlineData("172.16.0.0", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.0", true)]
    [InlineData("192.0.0.255", false)]
    [InlineData("192.0.1.1", true)]
    [InlineData("192.0.2.255", false)]
    [InlineData("192.0.3.0", true)]
    [InlineData("192.31.196.7", false)]
    [InlineData("192.52.193.7", false)]
    [InlineData("192.88.99.7", false)]
    [InlineData("192.167.255.255", true)]
    [InlineData("192.168.255.255", false)]
    [InlineData("192.169.0.0", true)]
    [InlineData("192.175.48.7", false)]
    [InlineData("198.17.255.255", true)]
    [InlineData("198.18.0.0", false)]
    [InlineData("198.19.255.255", false)]
    [InlineData("198.20.0.0", true)]
    [InlineData("198.51.100.1", false)]
    [InlineData("203.0.113.1", false)]
    [InlineData("203.0.114.1", true)]
    [InlineData("223.255.255.255", true)]
    [InlineData("224.0.0.0", false)]
    [InlineData("239.255.255.255", false)]
    [InlineData("240.0.0.0", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::", false)]
    [InlineData("::1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("::8.8.8.8", false)]
    [InlineData("64:ff9b::808:808", false)]
    [InlineData("64:ff9b:1::1", false)]
    [InlineData("100::1", false)]
    [InlineData("1fff:ffff::1", false)]
    [InlineData("2001::1", false)]
    [InlineData("2001:1ff:ffff::1", false)]
    [InlineData("2001:200::1", true)]
    [InlineData("2001:db8::1", false)]
    [InlineData("2001:db9::1", true)]
    [InlineData("2002::1", false)]
    [InlineData("2003::1", true)]
    [InlineData("2620:4f:8000::1", false)]
    [InlineData("2a00:1450:4025::71", true)]
    [InlineData("3ffe:ffff::1", true)]
    [InlineData("3fff::1", false)]
    [InlineData("3fff:fff::1", false)]
    [InlineData("4000::1", false)]
    [InlineData("5f00::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fdff::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fec0::1", false)]
    [InlineData("ff02::1", false)]
    public void Only_globally_routable_unicast_addresses_pass(string address, bool allowed) =>
        Assert.Equal(allowed, SpecialPurposeAddresses.IsGlobalUnicast(IPAddress.Parse(address)));

    [OwnAddressFact]
    public void This_machines_own_addresses_are_recognised_also_when_mapped_to_ipv6()
    {
        var own = IPAddress.Parse(FakeHostResolver.OwnInterfaceAddress()!);

        Assert.True(OwnAddresses.Contains(own));
        Assert.True(OwnAddresses.Contains(own.MapToIPv6()));
        Assert.True(OwnAddresses.Contains(IPAddress.Loopback));
        Assert.False(OwnAddresses.Contains(IPAddress.Parse("150.254.1.1")));
    }
}
