using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingApi.Common.Persistence;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Persistence;

public sealed class ConnectionTuningTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_api_prepares_its_statements_and_does_not_reset_pooled_connections_though_the_string_does_not_say_so()
    {
        await using var db = api.Db();
        var used = new NpgsqlConnectionStringBuilder(db.Context.Database.GetConnectionString());

        Assert.Equal((ConnectionTuning.MaxAutoPrepare, true), (used.MaxAutoPrepare, used.NoResetOnClose));
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("maxautoprepare=7", 7, true)]
    [InlineData("NoResetOnClose=false", ConnectionTuning.MaxAutoPrepare, false)]
    public void A_setting_the_connection_string_states_wins(string given, int prepare, bool noReset)
    {
        var used = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply("Host=db;Database=x;" + given));

        Assert.Equal((prepare, noReset), (used.MaxAutoPrepare, used.NoResetOnClose));
    }
}
