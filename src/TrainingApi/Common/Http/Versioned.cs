namespace TrainingApi.Common.Http;

/// <summary>A view with the row version it was read at, which the endpoint sends as ETag.</summary>
public sealed record Versioned<T>(T Value, uint Version);
