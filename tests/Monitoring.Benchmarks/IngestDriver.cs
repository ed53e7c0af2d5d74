using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Monitoring.Benchmarks;

/// <summary>
/// Webhook traffic for the soak: <c>POST /api/ingest/order</c> and <c>/api/ingest/session</c> in turn, at a steady
/// rate, each a batch of new records (distinct ids, so the tables grow as a live shop's do), with an ingest API key.
/// Requests start on a clock, not one after another, so a slow answer shows as latency, not as a lower rate; at most
/// <see cref="MaxInFlight"/> are open at once, and a tick that finds them all busy is counted as skipped.
/// </summary>
public sealed class IngestDriver(string baseUrl, string apiKey, double perSecond, int batch)
{
    private const int MaxInFlight = 16;

    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SemaphoreSlim _slots = new(MaxInFlight);
    private readonly List<double> _latencies = [];
    private long _sent, _accepted, _failed, _skipped, _recordsSent, _recordsRejected, _next;

    public record struct Counts(long Sent, long Accepted, long Failed, long Skipped, long RecordsSent, long RecordsRejected);

    public Counts Current => new(Interlocked.Read(ref _sent), Interlocked.Read(ref _accepted), Interlocked.Read(ref _failed),
        Interlocked.Read(ref _skipped), Interlocked.Read(ref _recordsSent), Interlocked.Read(ref _recordsRejected));

    /// <summary>The answer times of the accepted requests, in seconds.</summary>
    public IReadOnlyList<double> Latencies
    {
        get { lock (_latencies) return _latencies.ToList(); }
    }

    /// <summary>The first error answer, to say why requests failed.</summary>
    public string? FirstError { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (perSecond <= 0) return;
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / perSecond));
        var inFlight = new List<Task>();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (!_slots.Wait(0))
                {
                    Interlocked.Increment(ref _skipped);
                    continue;
                }
                inFlight.RemoveAll(t => t.IsCompleted);
                inFlight.Add(SendAsync(Interlocked.Increment(ref _next), cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The soak is over.
        }
        await Task.WhenAll(inFlight.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private async Task SendAsync(long request, CancellationToken cancellationToken)
    {
        try
        {
            var (entity, body) = request % 2 == 1 ? ("order", Orders(request)) : ("session", Sessions(request));
            Interlocked.Increment(ref _sent);
            Interlocked.Add(ref _recordsSent, batch);
            var started = Stopwatch.GetTimestamp();
            using var response = await _client.PostAsync($"{baseUrl}/api/ingest/{entity}",
                new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _failed);
                FirstError ??= $"{(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}";
                return;
            }
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            lock (_latencies) _latencies.Add(elapsed);
            Interlocked.Increment(ref _accepted);
            using var answer = JsonDocument.Parse(text);
            var rejected = answer.RootElement.GetProperty("rejected").GetInt64();
            Interlocked.Add(ref _recordsRejected, rejected);
            if (rejected > 0) FirstError ??= "records rejected: " + answer.RootElement.GetProperty("rejections").GetRawText();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failed);
            FirstError ??= e.Message;
        }
        catch (OperationCanceledException)
        {
            // Stopped with the soak: neither accepted nor failed.
            Interlocked.Decrement(ref _sent);
            Interlocked.Add(ref _recordsSent, -batch);
        }
        finally
        {
            _slots.Release();
        }
    }

    private string Orders(long request) => JsonSerializer.Serialize(Enumerable.Range(0, batch).Select(i =>
    {
        var n = request * batch + i;
        var total = 50 + n % 950;
        return new Dictionary<string, object>
        {
            ["id"] = $"soak-o-{n:D9}",
            ["account_id"] = $"A-{n % 400:D4}",
            ["channel"] = n % 3 == 0 ? "sales_rep" : "web",
            ["placed_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["status"] = "placed",
            ["currency"] = "EUR",
            ["total_excl_vat"] = total.ToString(CultureInfo.InvariantCulture) + ".00",
            ["total_incl_vat"] = (total * 1.2m).ToString("0.00", CultureInfo.InvariantCulture),
            ["country"] = n % 2 == 0 ? "FR" : "DE",
        };
    }));

    private string Sessions(long request) => JsonSerializer.Serialize(Enumerable.Range(0, batch).Select(i =>
    {
        var n = request * batch + i;
        return new Dictionary<string, object>
        {
            ["id"] = $"soak-s-{n:D9}",
            ["visitor_id"] = $"V-{n % 3000:D5}",
            ["started_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["device"] = n % 4 == 0 ? "mobile" : "desktop",
            ["channel"] = "web",
            ["landing_page"] = "/catalogue/gloves",
            ["country"] = n % 2 == 0 ? "FR" : "DE",
            ["pages"] = 1 + n % 7,
            ["furthest_step"] = (n % 5) switch { 0 => "order", 1 => "cart", 2 => "checkout", _ => "product" },
        };
    }));
}
