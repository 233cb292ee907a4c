using System.Collections.Concurrent;

namespace TrainingApi.Common.UseCases;

/// <summary>
/// The one name of a use case, shared by its log line, its span, its audit entries and the background work that sends it:
/// the name of its message type's enclosing class (<c>CreateProgramme</c> for <c>CreateProgramme.Command</c>), or of the
/// type itself when it stands alone (a demo-data loader).
/// </summary>
public static class UseCaseName
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static string Of(Type type) => Names.GetOrAdd(type, t => t.DeclaringType?.Name ?? t.Name);

    public static string Of<T>() => Of(typeof(T));
}
