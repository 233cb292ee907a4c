namespace TrainingApi.Common.OpenApi;

/// <summary>An example shown in the contract: for the request body (no status) or for one response status.</summary>
public sealed record ExampleMetadata(int? StatusCode, object Value);

public static class ExampleEndpointExtensions
{
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, object example) =>
        builder.WithMetadata(new ExampleMetadata(null, example));

    public static RouteHandlerBuilder WithResponseExample(this RouteHandlerBuilder builder, int statusCode, object example) =>
        builder.WithMetadata(new ExampleMetadata(statusCode, example));
}
