using System.Collections;
using System.Diagnostics;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// The one way a test waits for something that happens elsewhere (a worker, another instance, a server starting): until a
/// condition holds, or a timeout that fails with what was awaited and what was last seen. Where the awaited thing can say
/// that it changed (<see cref="Signal"/>, a task), the wait wakes on that; only otherwise does it look again after a short
/// poll interval. A test never sleeps for a fixed time instead: a sleep is either too short on a loaded machine or wasted
/// on an idle one, and an absence asserted after a sleep passes whether or not the unwanted thing comes later.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long a wait without a change signal leaves between two looks (the only such interval in the tests).</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Observes until <paramref name="holds"/> accepts what was observed, and returns it. An exception while observing counts as
    /// "not yet" (a server still starting, a database still away) and is reported if the wait times out.
    /// </summary>
    /// <param name="awaited">What the test waits for, as the failure message should say it.</param>
    /// <param name="changed">The task that completes at the next change of what is observed; taken before each look.</param>
    public static async Task<T> ValueAsync<T>(
        string awaited, Func<Task<T>> observe, Func<T, bool> holds, TimeSpan? timeout = null, Func<Task>? changed = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        var looks = 0;
        var last = "nothing";
        Exception? lastError = null;
        while (true)
        {
            // Taken before the look, so a change between the look and the wait still wakes the wait.
            var next = changed?.Invoke();
            try
            {
                looks++;
                var value = await observe();
                if (holds(value))
                {
                    return value;
                }

                (last, lastError) = (Describe(value), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                (last, lastError) = ($"{e.GetType().Name}: {e.Message}", e);
            }

            var left = limit - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Waited {clock.Elapsed.TotalSeconds:0.0} s ({looks} look(s)) for {awaited}; last seen: {last}.", lastError);
            }

            try
            {
                await (next ?? Task.Delay(left < PollInterval ? left : PollInterval)).WaitAsync(left);
            }
            catch (TimeoutException)
            {
                // One last look below, then the failure.
            }
        }
    }

    public static Task HoldsAsync(string awaited, Func<Task<bool>> condition, TimeSpan? timeout = null, Func<Task>? changed = null) =>
        ValueAsync(awaited, condition, held => held, timeout, changed);

    public static Task HoldsAsync(string awaited, Func<bool> condition, TimeSpan? timeout = null, Func<Task>? changed = null) =>
        ValueAsync(awaited, () => Task.FromResult(condition()), held => held, timeout, changed);

    /// <summary>Awaits a signal (a task some component completes), failing with what was awaited if it does not come in time.</summary>
    public static async Task<T> SignalledAsync<T>(string awaited, Task<T> signal, TimeSpan? timeout = null)
    {
        await SignalledAsync(awaited, (Task)signal, timeout);
        return await signal;
    }

    public static async Task SignalledAsync(string awaited, Task signal, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        try
        {
            await signal.WaitAsync(limit);
        }
        catch (TimeoutException) when (!signal.IsCompleted)
        {
            throw new TimeoutException($"Waited {limit.TotalSeconds:0.0} s for {awaited}; it never came.");
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        ICollection items => $"{items.Count} item(s)",
        _ => value.ToString() ?? "",
    };
}

/// <summary>
/// A change others can wait for: <see cref="Next"/> completes at the next <see cref="Pulse"/>. A component of the tests
/// (a receiver, a span collector) pulses it whenever what it holds changes, so <see cref="Eventually"/> need not poll.
/// </summary>
public sealed class Signal
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref next).Task;

    public void Pulse() => Interlocked.Exchange(ref next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
