using System.Reflection;
using System.Text.RegularExpressions;

namespace TrainingApi.Tests.Common.UseCases;

/// <summary>
/// One way to run a use case: only the runner opens transactions and names the actor and use case, and nothing reads
/// the caller back from a request (work that outlives a request would read a disposed one). These fail the build's
/// tests when code goes around them.
/// </summary>
public sealed partial class UseCaseBoundariesTests
{
    private static readonly string Source = Path.Combine(OpenApiContractTests.RepositoryRoot(), "src", "TrainingApi");

    [Fact]
    public void No_type_of_the_api_depends_on_the_http_context_accessor()
    {
        var offenders = typeof(Program).Assembly.GetTypes()
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(Microsoft.AspNetCore.Http.IHttpContextAccessor)))
                        || t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static).Any(f => f.FieldType == typeof(Microsoft.AspNetCore.Http.IHttpContextAccessor)))
            .Select(t => t.FullName).ToList();

        Assert.Empty(offenders);
        Assert.Empty(SourceFilesMatching(HttpContextAccessor(), _ => true));
    }

    [Fact]
    public void Only_the_runner_opens_a_transaction()
    {
        Assert.Empty(SourceFilesMatching(BeginTransaction(), file => file != Path.Combine("Common", "UseCases", "UseCaseRunner.cs")));
    }

    [Fact]
    public void Only_the_runner_and_the_request_pipeline_say_who_acts_and_in_which_use_case()
    {
        string[] allowed =
        [
            Path.Combine("Common", "UseCases", "UseCaseRunner.cs"),
            Path.Combine("Common", "UseCases", "UseCaseContext.cs"),
            Path.Combine("Common", "UseCases", "RequestActorMiddleware.cs"),
            Path.Combine("Common", "Mediator", "UseCaseBehavior.cs"),
        ];
        Assert.Empty(SourceFilesMatching(SetsActorOrAction(), file => !allowed.Contains(file)));
    }

    private static List<string> SourceFilesMatching(Regex pattern, Func<string, bool> considered) =>
        [.. Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Source, path))
            .Where(file => !file.StartsWith("bin", StringComparison.Ordinal) && !file.StartsWith("obj", StringComparison.Ordinal) && considered(file))
            .Where(file => pattern.IsMatch(File.ReadAllText(Path.Combine(Source, file))))];

    [GeneratedRegex(@"\bIHttpContextAccessor\b|AddHttpContextAccessor")]
    private static partial Regex HttpContextAccessor();

    [GeneratedRegex(@"\bBeginTransaction(Async)?\(")]
    private static partial Regex BeginTransaction();

    /// <summary>The context's setters (Begin, Name) and any audit action assigned by hand.</summary>
    [GeneratedRegex(@"\b(useCase|context|UseCase|useCaseContext)\.(Begin|Name)\(|\b(AuditScope|audit|scope)\.Action\s*=[^=>]")]
    private static partial Regex SetsActorOrAction();
}
