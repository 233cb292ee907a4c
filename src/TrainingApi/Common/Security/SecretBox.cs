using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Security;

public sealed class EncryptionOptions
{
    public const string Section = "Encryption";

    /// <summary>
    /// Base64 AES-256 key for data kept encrypted at rest (webhook signing secrets, stored idempotent responses).
    /// Required outside Development; in Development generated once into .local/encryption-key (git-ignored).
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// Keys replaced by <see cref="Key"/> during a rotation (base64, 32 bytes each): what they sealed still opens, and
    /// everything sealed from now on uses <see cref="Key"/>. Drop one once nothing sealed with it is kept (docs/operations.md).
    /// </summary>
    public string[] PreviousKeys { get; set; } = [];
}

/// <summary>
/// AES-256-GCM under a key from configuration (in production from the secret store), so a copy of the database
/// alone reveals neither the secrets the API must keep usable nor the answers it keeps for replay.
/// Sealed form: nonce (12) ‖ tag (16) ‖ ciphertext.
/// </summary>
public sealed class SecretBox
{
    private const string KeyFile = ".local/encryption-key";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] key;
    private readonly byte[][] previous;

    public SecretBox(IOptions<EncryptionOptions> options, IHostEnvironment env)
    {
        var configured = options.Value.Key;
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!env.IsDevelopment())
            {
                throw new InvalidOperationException("Encryption:Key (base64, 32 bytes) must be configured outside Development.");
            }

            var path = Path.Combine(env.ContentRootPath, KeyFile);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }

            configured = File.ReadAllText(path).Trim();
        }

        key = Convert.FromBase64String(configured);
        if (key.Length != 32)
        {
            throw new InvalidOperationException("Encryption:Key must be 32 bytes (base64).");
        }

        previous = [.. options.Value.PreviousKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Convert.FromBase64String(k.Trim()))];
        if (previous.Any(k => k.Length != 32))
        {
            throw new InvalidOperationException("Each of Encryption:PreviousKeys must be 32 bytes (base64).");
        }
    }

    public byte[] Seal(ReadOnlySpan<byte> plain)
    {
        var sealedBox = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBox.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBox.AsSpan(NonceSize + TagSize), sealedBox.AsSpan(NonceSize, TagSize));
        return sealedBox;
    }

    /// <summary>Opens with the current key, else with each previous one (a box sealed before a rotation).</summary>
    public byte[] Open(byte[] sealedBox)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return Open(sealedBox, i == 0 ? key : previous[i - 1]);
            }
            catch (AuthenticationTagMismatchException) when (i < previous.Length)
            {
                // Not sealed under this key: try the next older one.
            }
        }
    }

    private static byte[] Open(byte[] sealedBox, byte[] withKey)
    {
        var plain = new byte[sealedBox.Length - NonceSize - TagSize];
        using var aes = new AesGcm(withKey, TagSize);
        aes.Decrypt(sealedBox.AsSpan(0, NonceSize), sealedBox.AsSpan(NonceSize + TagSize), sealedBox.AsSpan(NonceSize, TagSize), plain);
        return plain;
    }

    public byte[] SealText(string text) => Seal(Encoding.UTF8.GetBytes(text));

    public string OpenText(byte[] sealedBox) => Encoding.UTF8.GetString(Open(sealedBox));
}
