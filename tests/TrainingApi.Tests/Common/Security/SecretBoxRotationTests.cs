using System.Security.Cryptography;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Security;

namespace TrainingApi.Tests.Common.Security;

/// <summary>Rotating Encryption:Key: what the old key sealed still opens while it is listed in Encryption:PreviousKeys.</summary>
public sealed class SecretBoxRotationTests
{
    private static readonly string Old = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string New = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static SecretBox Box(string key, params string[] previous) =>
        new(Options.Create(new EncryptionOptions { Key = key, PreviousKeys = previous }), new HostingEnvironment { EnvironmentName = "Production" });

    [Fact]
    public void After_a_rotation_old_boxes_open_with_the_previous_key_and_new_ones_are_sealed_with_the_new_key()
    {
        var sealedBefore = Box(Old).SealText("whsec_przed-rotacja");
        var rotated = Box(New, Old);

        var sealedAfter = rotated.SealText("whsec_po-rotacji");

        Assert.Equal("whsec_przed-rotacja", rotated.OpenText(sealedBefore));
        Assert.Equal("whsec_po-rotacji", Box(New).OpenText(sealedAfter));
        Assert.ThrowsAny<CryptographicException>(() => Box(Old).OpenText(sealedAfter));
    }

    [Fact]
    public void Without_the_previous_key_an_old_box_does_not_open()
    {
        var sealedBefore = Box(Old).SealText("whsec_przed-rotacja");

        Assert.ThrowsAny<CryptographicException>(() => Box(New).OpenText(sealedBefore));
    }

    [Fact]
    public void A_previous_key_of_the_wrong_length_stops_the_start()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Box(New, Convert.ToBase64String(new byte[16])));

        Assert.Contains("Encryption:PreviousKeys", e.Message);
    }
}
