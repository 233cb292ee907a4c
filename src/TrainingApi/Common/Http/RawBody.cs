namespace TrainingApi.Common.Http;

/// <summary>A request body that is a file, read whole (the body limit middleware has already bounded its size).</summary>
public static class RawBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var copy = request.ContentLength is { } length and <= int.MaxValue ? new MemoryStream((int)length) : new MemoryStream();
        await request.Body.CopyToAsync(copy, ct);
        return copy.ToArray();
    }
}

/// <summary>
/// An endpoint that takes larger bodies than <see cref="RequestLimitsOptions.MaxBodyBytes"/> (file uploads): read by
/// <see cref="RequestBodyLimitMiddleware"/>, which runs after routing for this reason.
/// </summary>
public sealed record RequestBodyLimit(long MaxBytes);
