using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Tests.Common.Persistence;

/// <summary>
/// The API runs on the model compiled ahead of time (Common/Persistence/CompiledModel). It must be the model the entity
/// configurations build, or the API would read and write with yesterday's mapping: after changing an entity or its
/// configuration, regenerate it (docs/configuration.md) and this passes again.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_compiled_model_is_the_model_the_configurations_build()
    {
        var options = new DbContextOptionsBuilder<TrainingDb>();
        PersistenceSetup.ConfigureCompiled(options, "Host=localhost;Database=model_only", new DatabaseOptions());
        using var db = new TrainingDb(options.Options);

        // The design-time model is always built from the configurations; made a runtime model as EF makes one when there is
        // no compiled model, it must read exactly as the compiled model the context runs on.
        var built = db.GetService<IModelRuntimeInitializer>().Initialize(
            db.GetService<IDesignTimeModel>().Model, designTime: false, validationLogger: null);
        var expected = built.ToDebugString(MetadataDebugStringOptions.LongDefault);
        var actual = WithoutAdHocTypes(db.Model.ToDebugString(MetadataDebugStringOptions.LongDefault));

        Assert.True(expected == actual,
            "The compiled model differs from the configurations; regenerate it with: " +
            "dotnet tool restore && dotnet ef dbcontext optimize -p src/TrainingApi -s src/TrainingApi -o Common/Persistence/CompiledModel " +
            "-n TrainingApi.Common.Persistence.CompiledModel\n" + FirstDifference(expected, actual));
    }

    /// <summary>
    /// The compiled model is one instance for the process; raw SQL queries of unmapped types (SqlQuery&lt;T&gt;) add ad-hoc
    /// entity types to it as other tests run. They are not part of the configurations.
    /// </summary>
    private static string WithoutAdHocTypes(string debugView)
    {
        var lines = debugView.Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimStart() == "Ad-hoc entity types:");
        if (start < 0)
        {
            return debugView;
        }

        var indent = lines[start].Length - lines[start].TrimStart().Length;
        var end = start + 1;
        while (end < lines.Count && (lines[end].Length - lines[end].TrimStart().Length > indent || lines[end].Trim().Length == 0))
        {
            end++;
        }

        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }

    private static string FirstDifference(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var (left, right) = (i < e.Length ? e[i] : "(end)", i < a.Length ? a[i] : "(end)");
            if (left != right)
            {
                return $"line {i + 1}: configurations say '{left.Trim()}', compiled model says '{right.Trim()}'";
            }
        }

        return "";
    }
}
