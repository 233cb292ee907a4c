using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TrainingApi.Tests.Infrastructure;

public static class WebhookAssertions
{
    /// <summary>
    /// The verification a receiver does, written from docs/events-and-webhooks.md (Standard Webhooks), not from
    /// the API's code: HMAC-SHA256 over "{id}.{timestamp}.{body}" with the base64-decoded secret after "whsec_",
    /// compared with each "v1,…" entry of the header in constant time.
    /// </summary>
    public static bool SignatureVerifies(string secret, ReceivedWebhook webhook)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(
            HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{webhook.Id}.{webhook.Timestamp}.{webhook.Body}"))));
        return webhook.Signature.Split(' ').Any(entry =>
            entry.StartsWith("v1,", StringComparison.Ordinal) && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entry[3..]), expected));
    }

    public static JsonElement Payload(this ReceivedWebhook webhook) => JsonDocument.Parse(webhook.Body).RootElement;

    public static string? DataString(this ReceivedWebhook webhook, string property) =>
        webhook.Payload().GetProperty("data").TryGetProperty(property, out var value) ? value.ToString() : null;

    public static bool IsAbout(this ReceivedWebhook webhook, string type, string property, object value) =>
        webhook.Payload().GetProperty("type").GetString() == type && webhook.DataString(property) == value.ToString();
}
