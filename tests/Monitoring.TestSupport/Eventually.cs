namespace Monitoring.TestSupport;

/// <summary>Polls a condition until it holds or a generous deadline passes: for work that jobs do in the background.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Gave up after {timeout.TotalSeconds:0}s waiting for {what}");
            await Task.Delay(200);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        await GetAsync<object>(async () => await condition() ? new object() : null, timeout, what);
}
