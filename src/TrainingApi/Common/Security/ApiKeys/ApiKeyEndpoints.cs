namespace TrainingApi.Common.Security.ApiKeys;

public static class ApiKeyEndpoints
{
    public static void MapApiKeys(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/organisations/{organisationId:guid}/api-keys").WithTags("Partner access");
        IssueApiKey.Map(keys);
        ListApiKeys.Map(keys);
        RevokeApiKey.Map(keys);
    }
}
