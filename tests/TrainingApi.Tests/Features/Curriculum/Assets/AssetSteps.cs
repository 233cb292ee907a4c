using System.Net;
using System.Net.Http.Headers;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Assets;

/// <summary>Uploading files to a version the way a client does: PUT with the bytes as the body.</summary>
public sealed class AssetSteps(HttpClient client)
{
    public Task<HttpResponseMessage> PutAsync(Guid versionId, string name, byte[] bytes, string? ifMatch = null, string contentType = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/versions/{versionId}/assets/{name}") { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public async Task<AssetView> UploadAsync(Guid versionId, string name, byte[] bytes) =>
        await (await PutAsync(versionId, name, bytes)).ShouldBeAsync<AssetView>(HttpStatusCode.Created);
}
