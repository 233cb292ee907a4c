using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TrainingApi.Common.Http;

public static class JsonSetup
{
    /// <summary>
    /// camelCase members, kebab-case enums, unknown members refused (a typo must not be silently ignored), and
    /// times without an offset read as Europe/Warsaw.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new WarsawDateTimeOffsetConverter());
    }

    public static IServiceCollection AddApiJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            Configure(o.SerializerOptions);
            // Request bodies only: a converter of its own for string would make the JSON schemas exported from the
            // shared options (events, release documents) lose their string types.
            o.SerializerOptions.Converters.Add(new NulRefusingStringConverter());
            // Request bodies only, too: a value member left out is refused instead of read as its type's default.
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(RequiredRequestMembers.Require);
        });
        // Swashbuckle reads the MVC options to describe schemas; keep them identical (the NUL check changes no shape).
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => Configure(o.JsonSerializerOptions));
        // Bad JSON, a wrong content type or an unbindable parameter become exceptions the problem handler
        // turns into a 400/415 problem, instead of an empty-bodied status code.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
