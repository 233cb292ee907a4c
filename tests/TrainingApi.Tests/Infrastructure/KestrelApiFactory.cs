namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// The API on a real Kestrel server on a loopback port the OS chooses, for what the in-memory TestServer skips:
/// Kestrel's own limits and headers. Its clients cross a real socket.
/// </summary>
public class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory() => UseKestrel(0);
}
