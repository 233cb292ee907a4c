using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Http;

namespace TrainingApi.Features.Consultations.Public;

/// <summary>
/// How every public consultation read answers: anonymous, cacheable by shared caches for five minutes (a round's status moves with
/// the clock, so not longer), with an ETag that is a hash of the JSON sent, so a 304 is never stale whatever the view is made of
/// (row versions, counts, other organisations' names, the clock) and the same on every instance.
/// </summary>
public static class PublicAnswers
{
    public const string CacheControl = "public, max-age=300";

    public static Results<Ok<T>, StatusCodeHttpResult> Ok<T>(HttpContext http, T value)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, json));
        http.Response.Headers.CacheControl = CacheControl;
        return ConditionalGet.Ok(http, value, EntityTags.Format(BitConverter.ToUInt32(hash, 0)));
    }
}
