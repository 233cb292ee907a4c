namespace TrainingApi.Common.Security;

/// <summary>The roles of docs/domain.md ("Who uses the API"), as they appear in the `role` claim.</summary>
public static class Roles
{
    public const string ProgrammeTeam = "programme-team";
    public const string Expert = "expert";
    public const string Advisor = "advisor";
    public const string JstCoordinator = "jst-coordinator";
    public const string Ministry = "ministry";

    /// <summary>Only ever given to an API key, never to a token.</summary>
    public const string Partner = "partner";

    /// <summary>Roles a person holds, carried by a JWT.</summary>
    public static readonly IReadOnlyList<string> TokenRoles = [ProgrammeTeam, Expert, Advisor, JstCoordinator, Ministry];

    public static readonly IReadOnlyList<string> All = [.. TokenRoles, Partner];
}

/// <summary>Claim names the API reads; the OpenID Connect provider must issue them (names configurable, see AuthOptions).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Teryt = "teryt";
    public const string Organisation = "org";
    public const string ApiKey = "api_key";
}
