using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace TrainingApi.Common.OpenApi;

/// <summary>Renders the contract as the running API serves it at /swagger/v1/swagger.json.</summary>
public static class OpenApiDocumentText
{
    public static string Render(IServiceProvider services)
    {
        var document = services.GetRequiredService<ISwaggerProvider>().GetSwagger(OpenApiSetup.DocumentName);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var writer = new OpenApiJsonWriter(text);
        document.SerializeAs(OpenApiSetup.SpecVersion, writer);
        return text + "\n";
    }
}
