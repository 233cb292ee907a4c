using TrainingApi.Common.Security;

namespace TrainingApi.Common.UseCases;

/// <summary>
/// Who a use case runs for: the caller of a request, or the system itself — then, where the work is done for
/// someone (placing the application a coordinator submitted), that person's subject in <paramref name="OnBehalfOf"/>.
/// </summary>
public sealed record Actor(Caller Caller, string? OnBehalfOf = null)
{
    public static Actor System { get; } = new(Caller.System);

    public static Actor SystemFor(string? subject) => new(Caller.System, subject);

    /// <summary>
    /// The system doing what people in <paramref name="role"/> do (demo data: the programme team opens the recruitment,
    /// moves versions, registers advisors), so the commands it sends pass the same role checks as theirs.
    /// </summary>
    public static Actor SystemAs(string role) => new(Caller.System with { Roles = new HashSet<string> { role } });
}
