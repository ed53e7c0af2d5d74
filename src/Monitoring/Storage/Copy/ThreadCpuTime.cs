namespace Monitoring.Storage.Copy;

/// <summary>
/// The CPU time of the calling thread so far, from Linux's <c>/proc/thread-self/schedstat</c> (its first field: the
/// nanoseconds the thread ran), for the rollup's profile log: a COPY is read on one thread from start to end, so the
/// difference between two readings is what reading it cost this process, apart from the server's share of the
/// cores. Null where the file is missing (other systems).
/// </summary>
internal static class ThreadCpuTime
{
    public static TimeSpan? Now()
    {
        try
        {
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            var end = text.IndexOf(' ');
            return long.TryParse(end < 0 ? text : text[..end], out var nanoseconds) ? TimeSpan.FromTicks(nanoseconds / 100) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
