using TrainingApi.Common.Security;

namespace TrainingApi.Common.UseCases;

/// <summary>
/// The actor, use case and trace of the work running in one DI scope. Only two things set it: the request
/// pipeline (<see cref="RequestActorMiddleware"/>, once authentication has run) and <see cref="UseCaseRunner"/>
/// (background work, and each command's name). Audit entries read nothing else, so work that outlives a request
/// never reaches back into it.
/// </summary>
public sealed class UseCaseContext
{
    private const string Unnamed = "system";

    /// <summary>Anonymous until the request pipeline or the runner says who is acting.</summary>
    public Actor Actor { get; private set; } = new(Caller.Anonymous);

    public Caller Caller => Actor.Caller;

    /// <summary>The use case, e.g. CreateProgramme, named in every audit entry its saves write.</summary>
    public string Action { get; private set; } = Unnamed;

    /// <summary>The W3C trace id of the request or background unit this work belongs to.</summary>
    public string? TraceId { get; private set; }

    internal void Begin(Actor actor, string? traceId)
    {
        Actor = actor;
        TraceId = traceId;
    }

    /// <summary>Names the use case until the returned scope ends; an outer name comes back afterwards.</summary>
    internal NamedScope Name(string action)
    {
        var outer = Action;
        Action = action;
        return new NamedScope(this, outer);
    }

    internal readonly struct NamedScope(UseCaseContext context, string outer) : IDisposable
    {
        public void Dispose() => context.Action = outer;
    }
}
