namespace TrainingApi.Common.Security.ApiKeys;

public static class ApiKeyEndpoints
{
    public const string Tag = "Partner access";

    public static void MapApiKeys(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/organisations/{organisationId:guid}/api-keys").WithTags(Tag);
        IssueApiKey.Map(keys);
        ListApiKeys.Map(keys);
        GetApiKey.Map(keys);
        RevokeApiKey.Map(keys);
    }
}
