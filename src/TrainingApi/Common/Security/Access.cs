using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Security;

/// <summary>
/// A slice's object-level rule for one entity type: which rows the caller may see. Declared once per
/// entity (a coordinator sees its JST's rows, a partner its organisation's, an advisor its engagements)
/// and applied by <see cref="Access"/> wherever the entity is read, so no handler re-implements it.
/// </summary>
public interface IAccessRule<T> where T : class
{
    Expression<Func<T, bool>> CanSee(Caller caller);
}

/// <summary>Applies the registered <see cref="IAccessRule{T}"/>; another tenant's object is a 404, never a 403.</summary>
public sealed class Access(IServiceProvider services, Caller caller)
{
    public Caller Caller => caller;

    public IQueryable<T> Visible<T>(IQueryable<T> source) where T : class =>
        Rule<T>().CanSee(caller) is var rule && rule == AccessRules.Everything<T>() ? source : source.Where(rule);

    /// <summary>Whether the caller may see every row of <typeparamref name="T"/> (the rule answered <see cref="AccessRules.Everything{T}"/>).</summary>
    public bool SeesEverything<T>() where T : class => Rule<T>().CanSee(caller) == AccessRules.Everything<T>();

    public async Task<T> FindVisibleAsync<T>(IQueryable<T> source, Expression<Func<T, bool>> match, Text noun, object id, CancellationToken ct)
        where T : class =>
        await Visible(source).FirstOrDefaultAsync(match, ct) ?? throw Problem.NotFound(noun, id);

    private IAccessRule<T> Rule<T>() where T : class =>
        services.GetService<IAccessRule<T>>()
        ?? throw new InvalidOperationException($"No IAccessRule<{typeof(T).Name}> is registered; the slice must declare who may see it.");
}

public static class AccessRules
{
    /// <summary>One instance per type, so <see cref="Access"/> can tell "everything" apart and skip the filter.</summary>
    public static Expression<Func<T, bool>> Everything<T>() => All<T>.Rule;

    public static Expression<Func<T, bool>> Nothing<T>() => _ => false;

    private static class All<T>
    {
        public static readonly Expression<Func<T, bool>> Rule = _ => true;
    }
}
