namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// A second API instance on the database of another factory, sharing nothing with it but PostgreSQL, as a second server behind
/// a load balancer would (it neither creates nor drops the database). <paramref name="settings"/> override its configuration.
/// </summary>
public sealed class SecondInstanceFactory(ApiFactory first, IReadOnlyDictionary<string, string?>? settings = null) : ApiFactory
{
    public override Task InitializeAsync()
    {
        SetConnectionString(first.ConnectionString);
        return Task.CompletedTask;
    }

    protected override IReadOnlyDictionary<string, string?> Settings => settings ?? new Dictionary<string, string?>();
}
