using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>A real token's claims under a header and signature the API must refuse: what an attacker can make of a stolen token.</summary>
public static class ForgedTokens
{
    public static string WithAlgNone(string token) => Sign(token, header => header["alg"] = "none", _ => []);

    /// <summary>HS256 with a key anyone can know (the provider's public modulus): the classic algorithm-confusion attempt.</summary>
    public static string Hs256(string token, byte[] key) => Sign(token, header => header["alg"] = "HS256", data => HMACSHA256.HashData(key, data));

    /// <summary>Signed with a fresh RSA key under a key id the provider never published.</summary>
    public static string WithUnknownKey(string token, string kid)
    {
        using var rsa = RSA.Create(2048);
        return Sign(token, header => header["kid"] = kid, data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static string Sign(string token, Action<JsonObject> changeHeader, Func<byte[], byte[]> sign)
    {
        var parts = token.Split('.');
        var header = JsonNode.Parse(Decode(parts[0]))!.AsObject();
        changeHeader(header);
        var signed = $"{Encode(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{parts[1]}";
        return $"{signed}.{Encode(sign(Encoding.ASCII.GetBytes(signed)))}";
    }

    public static byte[] Decode(string part) =>
        Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (part.Length % 4)) % 4));

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
