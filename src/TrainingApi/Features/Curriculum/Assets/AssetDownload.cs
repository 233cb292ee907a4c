using Microsoft.AspNetCore.Http.HttpResults;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;

namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>How an asset's bytes are sent, by the version's route and by the public catalogue's.</summary>
public static class AssetDownload
{
    /// <summary>Declares every media type an asset can have on the 200 of a download.</summary>
    public static RouteHandlerBuilder ProducesAssetFile(this RouteHandlerBuilder builder)
    {
        foreach (var format in AssetFormat.All)
        {
            builder.ProducesFile(StatusCodes.Status200OK, format.MediaType);
        }

        return builder;
    }

    public static Results<FileContentHttpResult, StatusCodeHttpResult> Send(HttpContext http, AssetFacts asset, byte[] bytes, string cacheControl)
    {
        http.Response.Headers.CacheControl = cacheControl;
        if (asset.Format == AssetFormat.Svg)
        {
            // Opened on its own (not through <img>), an SVG is a document of this origin: it may run nothing, load nothing.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        }

        // Saved with its name when opened on its own: a page's <img> shows an image whatever this says, and an SVG opened
        // directly is then never a document of this origin.
        return ConditionalGet.File(http, bytes, asset.MediaType, asset.Name, AssetTags.Of(asset.Sha256), null);
    }
}
