using System.Reflection;
using System.Text.Json;
using TrainingApi.Common.Localization;

namespace TrainingApi.Common.Problems;

/// <summary>
/// A refusal whose problem carries members beyond the standard ones, under one stable <c>code</c>. The members are a record
/// (<see cref="ProblemShape{TMembers}"/>), so what the code puts on the problem and what the contract describes come from one
/// type: the contract's schema for the code (<c>{Code}Problem</c>, see Common/OpenApi/TypedProblems) is generated from it.
/// Declared as a static field beside the code that throws it; an endpoint that can answer it says so with
/// <c>ProducesTypedProblem(status, shape)</c>.
/// </summary>
public abstract class ProblemShape(string code, Type membersType, bool membersAlwaysSent)
{
    public string Code { get; } = code;

    /// <summary>
    /// False when the code is also sent without the members, by a refusal of one item where this one names several (the
    /// contract then marks the members optional, so that the typed problem still reads the bare one).
    /// </summary>
    public bool MembersAlwaysSent { get; } = membersAlwaysSent;

    /// <summary>The record whose public properties are the problem's extension members (camelCase on the wire).</summary>
    public Type MembersType { get; } = membersType;

    /// <summary>The schema's name in the contract: <c>stale-items</c> → <c>StaleItemsProblem</c>.</summary>
    public string SchemaId => string.Concat(Code.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Problem";
}

/// <inheritdoc cref="ProblemShape"/>
public sealed class ProblemShape<TMembers>(string code, bool membersAlwaysSent = true) : ProblemShape(code, typeof(TMembers), membersAlwaysSent)
    where TMembers : class
{
    public ProblemException Refuse(ProblemKind kind, Text detail, TMembers members, int? retryAfterSeconds = null)
    {
        // Error path only: reflection is fine. `code` comes first on the wire, then the members in declaration order.
        var extensions = new Dictionary<string, object?> { ["code"] = Code };
        foreach (var property in typeof(TMembers).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            extensions[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = property.GetValue(members);
        }

        return new ProblemException(kind, detail, extensions) { RetryAfterSeconds = retryAfterSeconds, Shape = this };
    }
}
