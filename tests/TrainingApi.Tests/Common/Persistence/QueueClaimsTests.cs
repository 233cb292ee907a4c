using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.SelfAssessment.Rounds;
using TrainingApi.Tests.Features.SelfAssessment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Persistence;

/// <summary>
/// A claim locks the rows it reads and skips those another transaction holds, so workers sharing a queue never take the
/// same row; a row comes back to the queue when the transaction that claimed it ends. Any table will do as the queue here.
/// </summary>
public sealed class QueueClaimsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_row_one_transaction_claimed_is_skipped_by_another_until_the_first_ends()
    {
        var steps = new SelfAssessmentSteps(api);
        var ids = new[] { (await steps.StartAsync()).Round.Id, (await steps.StartAsync()).Round.Id };
        await using var first = Context();
        await using var second = Context();
        IOrderedQueryable<AssessmentRound> Due(TrainingDb db) => db.Set<AssessmentRound>().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id);

        await Assert.ThrowsAsync<InvalidOperationException>(() => first.ClaimAsync(Due(first), 1, CancellationToken.None));
        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        await using var secondTransaction = await second.Database.BeginTransactionAsync();
        var claimedFirst = Assert.Single(await first.ClaimAsync(Due(first), 1, CancellationToken.None));
        var claimedSecond = Assert.Single(await second.ClaimAsync(Due(second), 2, CancellationToken.None));

        Assert.Equal(ids.Order(), new[] { claimedFirst.Id, claimedSecond.Id }.Order());
        await firstTransaction.RollbackAsync();
        Assert.Equal(ids.Order(), (await second.ClaimAsync(Due(second), 2, CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public async Task The_api_s_pooled_contexts_append_the_lock_clause_beside_the_audit()
    {
        await using var db = api.Db();
        var interceptors = db.Context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors!.Select(i => i.GetType().Name).ToList();

        Assert.Contains("LockClauseInterceptor", interceptors);
        Assert.Contains("AuditInterceptor", interceptors);
    }

    /// <summary>The API's context set-up without retries, which EF allows only around transactions a test opens by hand.</summary>
    private TrainingDb Context()
    {
        var options = new DbContextOptionsBuilder<TrainingDb>();
        PersistenceSetup.ConfigureCompiled(options, api.ConnectionString, new DatabaseOptions { MaxRetryCount = 0 });
        return new TrainingDb(options.Options);
    }
}
