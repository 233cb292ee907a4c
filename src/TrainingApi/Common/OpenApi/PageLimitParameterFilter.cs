using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TrainingApi.Common.Http;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// Every list's <c>limit</c> says in the contract what the server does with it: 1 to <see cref="KeysetCursor.MaxLimit"/> (outside
/// it a 400, from <c>ValidPageLimit</c>), <see cref="KeysetCursor.DefaultLimit"/> when left out.
/// </summary>
public sealed class PageLimitParameterFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter { Name: "limit", In: ParameterLocation.Query, Schema: OpenApiSchema schema }
                && schema.Type?.HasFlag(JsonSchemaType.Integer) == true)
            {
                schema.Minimum = "1";
                schema.Maximum = KeysetCursor.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                schema.Default = JsonValue.Create(KeysetCursor.DefaultLimit);
            }
        }
    }
}
