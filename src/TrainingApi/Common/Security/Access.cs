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
        source.Where(Rule<T>().CanSee(caller));

    public async Task<T> FindVisibleAsync<T>(IQueryable<T> source, Expression<Func<T, bool>> match, Text noun, object id, CancellationToken ct)
        where T : class =>
        await Visible(source).FirstOrDefaultAsync(match, ct) ?? throw Problem.NotFound(noun, id);

    private IAccessRule<T> Rule<T>() where T : class =>
        services.GetService<IAccessRule<T>>()
        ?? throw new InvalidOperationException($"No IAccessRule<{typeof(T).Name}> is registered; the slice must declare who may see it.");
}

public static class AccessRules
{
    public static Expression<Func<T, bool>> Everything<T>() => _ => true;

    public static Expression<Func<T, bool>> Nothing<T>() => _ => false;
}
