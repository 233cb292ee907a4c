using System.Security.Claims;
using System.Text.Json;

namespace TrainingApi.Common.Security;

/// <summary>
/// Brings the roles and the TERYT code onto our <c>role</c> and <c>teryt</c> claims from wherever the provider puts them
/// (<see cref="AuthOptions.RoleClaim"/>, <see cref="AuthOptions.TerytClaim"/>, <see cref="AuthOptions.TerytGroupClaim"/>,
/// <see cref="AuthOptions.ClientRoles"/>), so the rest of the API reads one shape whatever the provider.
/// </summary>
public static class ProviderClaims
{
    /// <summary>Rewrites the identity's claims; returns why the token cannot be used, or null.</summary>
    public static string? Normalise(ClaimsIdentity identity, AuthOptions auth)
    {
        var roles = Values(identity, auth.RoleClaim).ToList();
        var client = new[] { "client_id", "azp", "appid" }.Select(c => identity.FindFirst(c)?.Value).FirstOrDefault(v => v is not null);
        if (client is not null && auth.ClientRoles.TryGetValue(client, out var clientRole))
        {
            roles.Add(clientRole);
        }

        var teryts = Values(identity, auth.TerytClaim).ToList();
        if (teryts.Count == 0 && !string.IsNullOrWhiteSpace(auth.TerytGroupClaim))
        {
            // A group path (Keycloak's "/jst/jst-1201022") counts by its last segment.
            teryts = [.. Values(identity, auth.TerytGroupClaim)
                .Select(group => group[(group.LastIndexOf('/') + 1)..])
                .Where(name => name.StartsWith(auth.TerytGroupPrefix, StringComparison.Ordinal))
                .Select(name => name[auth.TerytGroupPrefix.Length..])];
        }

        // Only the configured places count: a stray `role` or `teryt` claim beside them gives nothing.
        Replace(identity, ClaimNames.Role, roles.Distinct(StringComparer.Ordinal));
        Replace(identity, ClaimNames.Teryt, teryts.Distinct(StringComparer.Ordinal));
        return teryts.Distinct(StringComparer.Ordinal).Count() > 1 ? "The token names more than one JST; a coordinator speaks for one." : null;
    }

    /// <summary>
    /// The strings at a claim name, or at a dotted path into a claim that holds a JSON object: one string, or each string of an
    /// array. A name with dots that the token has as such (Entra's <c>extn.teryt</c>) is taken by that name.
    /// </summary>
    public static IEnumerable<string> Values(ClaimsIdentity identity, string path)
    {
        var exact = identity.FindAll(path).ToList();
        if (exact.Count > 0)
        {
            return exact.SelectMany(c => Strings(c.Value));
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return [];
        }

        var rest = path[(dot + 1)..].Split('.');
        return identity.FindAll(path[..dot]).SelectMany(claim => Walk(claim.Value, rest));
    }

    private static IEnumerable<string> Walk(string json, string[] segments)
    {
        if (!json.StartsWith('{'))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var node = document.RootElement;
            foreach (var segment in segments)
            {
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment, out node))
                {
                    return [];
                }
            }

            return Strings(node);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static IEnumerable<string> Strings(string value)
    {
        if (!value.StartsWith('['))
        {
            return [value];
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            return Strings(document.RootElement);
        }
        catch (JsonException)
        {
            return [value];
        }
    }

    private static List<string> Strings(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.String => [node.GetString()!],
        JsonValueKind.Array => [.. node.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
        _ => [],
    };

    private static void Replace(ClaimsIdentity identity, string type, IEnumerable<string> values)
    {
        var keep = values.ToList();
        foreach (var claim in identity.FindAll(type).ToList())
        {
            identity.RemoveClaim(claim);
        }

        foreach (var value in keep)
        {
            identity.AddClaim(new Claim(type, value));
        }
    }
}
