using Microsoft.OpenApi;

namespace TrainingApi.Common.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const OpenApiSpecVersion SpecVersion = OpenApiSpecVersion.OpenApi3_1;

    public static IServiceCollection AddApiContract(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "TrainingApi",
                Version = "v1",
                Description =
                    "REST API of the programme that trains and advises Polish local governments (JST) on managing the " +
                    "digitalisation of their schools: curriculum, consultations, pilot enrollment, advisory and the " +
                    "handover of tested materials. Errors are RFC 9457 problems; send `Accept-Language: pl` for Polish. " +
                    "The materials a release publishes carry their own licence (CC BY 4.0 unless the release names another).",
                Contact = new OpenApiContact { Name = "Ośrodek Rozwoju Edukacji (ORE), programme team", Url = new Uri("https://www.ore.edu.pl/") },
                License = new OpenApiLicense { Name = "EUPL-1.2", Url = new Uri("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12") },
            });
            // Relative: the API is served wherever it is deployed, and there is no configured public base URL to name.
            o.AddServer(new OpenApiServer { Url = "/", Description = "The host this document was read from." });
            o.DocumentFilter<ApiTagsDocumentFilter>();
            o.SupportNonNullableReferenceTypes();
            o.AddSecurityDefinition(SecurityOperationFilter.BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from the programme's identity provider, carrying `sub`, `role` and, for a JST coordinator, `teryt`. " +
                              "In Development: `dotnet run --project src/TrainingApi -- token <role> [--sub …] [--teryt …]`.",
            });
            o.AddSecurityDefinition(SecurityOperationFilter.ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = Security.ApiKeys.ApiKeySecret.Header,
                Description = "A partner organisation's API key (role `partner`), issued by the programme team.",
            });
            // A raw file body first (the platform's problems follow from the body), then security and the platform's problems, so
            // the problems they add get examples too.
            o.OperationFilter<RawFileRequestOperationFilter>();
            o.OperationFilter<SecurityOperationFilter>();
            o.OperationFilter<PlatformProblemsOperationFilter>();
            o.OperationFilter<TypedProblemsOperationFilter>();
            o.OperationFilter<ExamplesOperationFilter>();
            o.OperationFilter<FileResponsesOperationFilter>();
            o.OperationFilter<ConditionalRequestsOperationFilter>();
            o.OperationFilter<EnumParametersOperationFilter>();
            o.OperationFilter<PageLimitParameterFilter>();
            o.OperationFilter<ByteRangesOperationFilter>();
            // Schemas: nullability and required from the C# types, the validators' bounds, the problem as written.
            o.SchemaFilter<NullabilitySchemaFilter>();
            o.SchemaFilter<ValidationRulesSchemaFilter>();
            o.SchemaFilter<ProblemSchemaFilter>();
            o.DocumentFilter<RequestRequiredDocumentFilter>();
            o.DocumentFilter<TypedProblemsDocumentFilter>();
            o.DocumentFilter<WebhooksDocumentFilter>();
            // Last: it declares headers on the responses all the others added.
            o.OperationFilter<ResponseHeadersOperationFilter>();
            // Nested request/response records (CreateProgramme.Request) would otherwise all be called "Request".
            o.CustomSchemaIds(SchemaIds.For);
        });
        return services;
    }

    /// <summary>
    /// The document is always served (clients generate code from it); Swagger UI, an interactive page that calls the
    /// API from a browser, only outside Production unless <c>OpenApi:SwaggerUi</c> turns it on.
    /// </summary>
    public static WebApplication UseApiContract(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Security.AuthOptions>>().Value;
        var provider = !string.IsNullOrWhiteSpace(auth.Authority);
        app.UseSwagger(o =>
        {
            o.OpenApiVersion = SpecVersion;
            if (provider)
            {
                o.PreSerializeFilters.Add((document, _) => SwaggerSignIn.AddProvider(document, auth));
            }
        });
        if (app.Configuration.GetValue("OpenApi:SwaggerUi", !app.Environment.IsProduction()))
        {
            app.UseSwaggerUI(o =>
            {
                o.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "TrainingApi v1");
                o.DocumentTitle = "TrainingApi";
                if (provider)
                {
                    o.OAuthClientId(auth.SwaggerUiClientId);
                    o.OAuthUsePkce();
                    o.OAuthScopes(auth.SwaggerUiScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
            });
        }

        return app;
    }
}
