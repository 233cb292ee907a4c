using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TrainingApi.Common.Security.ApiKeys;

/// <summary>
/// The key a partner sends in X-Api-Key: <c>tapi.&lt;prefix&gt;.&lt;secret&gt;</c>. The prefix (public, 16 hex
/// characters) finds the row; the secret (256 random bits, base64url) is checked against its stored hash.
/// </summary>
public static class ApiKeySecret
{
    public const string Header = "X-Api-Key";
    public const int PrefixLength = 16;
    private const string Scheme = "tapi";

    public static (string Key, string Prefix, byte[] Hash) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var key = $"{Scheme}.{prefix}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
        return (key, prefix, Hash(key));
    }

    public static bool TryParse(string key, out string prefix)
    {
        var parts = key.Split('.');
        prefix = parts.Length == 3 && parts[0] == Scheme && parts[1].Length == PrefixLength ? parts[1] : "";
        return prefix.Length > 0 && parts[2].Length > 0;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool Matches(string key, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);
}
