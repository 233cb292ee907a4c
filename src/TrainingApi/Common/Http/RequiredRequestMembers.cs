using System.Text.Json.Serialization.Metadata;

namespace TrainingApi.Common.Http;

/// <summary>
/// A request member that is a non-nullable value (a date, number, boolean, enum, id) and has no default in C# must be sent: left
/// out, System.Text.Json would give it the type's default (0001-01-01, 0, false, the first enum value) and the server would carry
/// on with a value nobody sent. Such members are required when a body is read (a missing one is a 400 naming it) and listed as
/// <c>required</c> in the contract, by this one rule. A member with a C# default (<c>bool Preview = true</c>) may be left out and
/// says its default in the contract; a nullable one may be left out and is null.
/// </summary>
public static class RequiredRequestMembers
{
    /// <summary>Whether a request that leaves this member out is refused.</summary>
    public static bool MustBeSent(JsonPropertyInfo property) =>
        property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
                                          && property.AssociatedParameter is { HasDefaultValue: false };

    /// <summary>The serializer modifier for the API's own types (requests bind through the constructor, so the rule sees them).</summary>
    public static void Require(JsonTypeInfo typeInfo)
    {
        // Anonymous types (problem extensions, summaries) are only ever written; marking their members upsets the serializer.
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Assembly != typeof(RequiredRequestMembers).Assembly
            || typeInfo.Type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (MustBeSent(property))
            {
                property.IsRequired = true;
            }
        }
    }
}
