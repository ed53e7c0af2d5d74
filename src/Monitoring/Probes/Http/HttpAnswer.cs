using System.Globalization;
using System.Text;

namespace Monitoring.Probes.Http;

/// <summary>What came back from one request, as the expectations see it.</summary>
/// <param name="Status">The HTTP status of the final answer (after redirects, when followed).</param>
/// <param name="Headers">Response and content headers, names compared ignoring case, repeated values joined by ", ".</param>
/// <param name="Body">The body, as far as it was kept.</param>
/// <param name="Latency">From the start of the run to the last byte of the body.</param>
public sealed record HttpAnswer(int Status, IReadOnlyDictionary<string, string> Headers, HttpBody Body, TimeSpan Latency)
{
    public static HttpAnswer Of(int status, TimeSpan latency, string body = "", IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), HttpBody.Of(body), latency);
}

/// <summary>A response body: its first <see cref="MaxKeptBytes"/> bytes decoded as text, and its full length.</summary>
/// <param name="Text">The kept bytes, decoded with the charset of the answer (UTF-8 when it names none).</param>
/// <param name="Length">Every byte received after decompression, kept or not.</param>
public sealed record HttpBody(string Text, long Length)
{
    /// <summary>Assertions look at the first 1 MiB of a body: enough for any page or API answer worth checking,
    /// and a bound on the memory a probe run takes. The rest is still read, because it is part of the latency.</summary>
    public const int MaxKeptBytes = 1 << 20;

    public static HttpBody Empty { get; } = new("", 0);

    /// <summary>True when the body was longer than what was kept, so assertions saw only its start.</summary>
    public bool Truncated => Length > MaxKeptBytes;

    public static HttpBody Of(string text) => new(text, Encoding.UTF8.GetByteCount(text));

    /// <summary>The size, for messages: <c>body 5,120 bytes</c>, or how much of it assertions saw.</summary>
    public string Describe() => Truncated
        ? $"body {Length.ToString("N0", CultureInfo.InvariantCulture)} bytes, first {MaxKeptBytes.ToString("N0", CultureInfo.InvariantCulture)} checked"
        : $"body {Length.ToString("N0", CultureInfo.InvariantCulture)} bytes";

    /// <summary>Reads the whole stream, keeping at most <see cref="MaxKeptBytes"/> bytes.</summary>
    public static async Task<HttpBody> ReadAsync(Stream stream, string? charset, CancellationToken cancellationToken)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var room = (int)Math.Min(read, MaxKeptBytes - kept.Length);
            if (room > 0) kept.Write(buffer, 0, room);
            length += read;
        }
        return new HttpBody(EncodingOf(charset).GetString(kept.GetBuffer(), 0, (int)kept.Length), length);
    }

    private static Encoding EncodingOf(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return Encoding.UTF8;
        try { return Encoding.GetEncoding(charset.Trim('"')); }
        catch (ArgumentException) { return Encoding.UTF8; }
    }
}

/// <summary>One expectation the answer did not meet: what was expected and what came, and what it costs the run.</summary>
/// <param name="Message">Like <c>json $.status: expected 'UP', got 'DOWN'</c>.</param>
/// <param name="Class">The failure class it gives the run when it is the first finding.</param>
/// <param name="IsDown">False for findings that only degrade the run (a slow but complete answer).</param>
public sealed record HttpFinding(string Message, FailureClass Class, bool IsDown = true);
