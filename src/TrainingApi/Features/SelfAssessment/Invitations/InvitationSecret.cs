using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TrainingApi.Features.SelfAssessment.Invitations;

/// <summary>
/// The secret of an invitation link: 256 random bits, base64url, behind a short scheme prefix that tells people and secret
/// scanners what it is. Only its SHA-256 is stored and looked up: a guess is hashed and sought by index, so nothing
/// compares the secret itself and a database reader learns no usable link.
/// </summary>
public static class InvitationSecret
{
    private const string Scheme = "sa_";

    /// <summary>Longer than any secret this makes; a longer path segment is still hashed and sought, so it answers like any unknown link.</summary>
    public const int MaxLength = 64;

    public static (string Token, byte[] Hash) Generate()
    {
        var token = Scheme + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
