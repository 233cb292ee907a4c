namespace TrainingApi.Common.OpenApi;

public static class SchemaIds
{
    /// <summary><c>CreateProgramme.Request</c> → <c>CreateProgrammeRequest</c>; generic types get their arguments appended.</summary>
    public static string For(Type type)
    {
        var name = type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Join("And", type.GetGenericArguments().Select(For))
            : type.Name;
        return type.DeclaringType is { } outer && !type.IsGenericParameter ? For(outer) + name : name;
    }
}
