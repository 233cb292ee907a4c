using System.Net;
using System.Net.Sockets;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// A TCP relay between the API and PostgreSQL that a test can take down: every open connection is cut (mid-query,
/// mid-commit, wherever it is) and new ones are refused until it comes back. To the API this is PostgreSQL going
/// away, without stopping the server the other test classes share.
/// </summary>
public sealed class OutageProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint target;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<TcpClient> open = [];
    private volatile bool down;

    public OutageProxy(string host, int port)
    {
        target = new IPEndPoint(IPAddress.Parse(host), port);
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Cuts every connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void TakeDown()
    {
        down = true;
        lock (open)
        {
            foreach (var client in open)
            {
                // A reset, as when the server dies; a connection its relay already closed has no socket left.
                if (client.Client is { } socket)
                {
                    socket.LingerState = new LingerOption(true, 0);
                }

                client.Dispose();
            }

            open.Clear();
        }
    }

    public void Restore() => down = false;

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }

            if (down)
            {
                incoming.Client.LingerState = new LingerOption(true, 0);
                incoming.Dispose();
                continue;
            }

            _ = RelayAsync(incoming);
        }
    }

    private async Task RelayAsync(TcpClient incoming)
    {
        var outgoing = new TcpClient();
        try
        {
            await outgoing.ConnectAsync(target, stopping.Token);
            lock (open)
            {
                open.Add(incoming);
                open.Add(outgoing);
            }

            var a = incoming.GetStream();
            var b = outgoing.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, stopping.Token), b.CopyToAsync(a, stopping.Token));
        }
        catch (Exception)
        {
            // A cut connection ends its relay; the API sees the error.
        }
        finally
        {
            incoming.Dispose();
            outgoing.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        TakeDown();
        return ValueTask.CompletedTask;
    }
}
