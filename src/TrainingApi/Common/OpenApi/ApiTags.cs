using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// The description of a tag the slice's endpoints use (<c>WithTags</c>). A slice registers its own, so Common knows no feature
/// and a generated client's or Swagger UI's group says what it is for.
/// </summary>
public sealed record ApiTag(string Name, string Description);

public static class ApiTagRegistration
{
    public static IServiceCollection AddApiTag(this IServiceCollection services, string name, string description) =>
        services.AddSingleton(new ApiTag(name, description));
}

/// <summary>Lists every tag the operations use, in name order, with the description its slice registered.</summary>
public sealed class ApiTagsDocumentFilter(IEnumerable<ApiTag> tags) : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var descriptions = tags.ToDictionary(t => t.Name, t => t.Description, StringComparer.Ordinal);
        var used = (document.Paths ?? [])
            .SelectMany(path => path.Value.Operations ?? [])
            .SelectMany(operation => operation.Value.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name,
            Description = descriptions.GetValueOrDefault(name),
        }));
    }
}
