using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Monitoring.Probes.Http;
using Newtonsoft.Json.Linq;

namespace Monitoring.Scenarios.Steps;

/// <summary>The answer to one step as assertions and captures see it: the HTTP answer, its body parsed as HTML or JSON
/// on first use (once per step, however many selectors or paths look at it), and the run's cookies for its URL.</summary>
public sealed class StepAnswer
{
    private readonly CookieContainer _cookies;
    private IHtmlDocument? _html;
    private JToken? _json;
    private string? _jsonProblem;
    private bool _jsonParsed;

    public StepAnswer(HttpAnswer http, Uri url, CookieContainer cookies)
    {
        Http = http;
        Url = url;
        _cookies = cookies;
    }

    /// <summary>A bare answer for tests of assertions and captures.</summary>
    public static StepAnswer Of(int status, string body = "", IReadOnlyDictionary<string, string>? headers = null,
        CookieContainer? cookies = null, Uri? url = null, TimeSpan latency = default) =>
        new(HttpAnswer.Of(status, latency, body, headers), url ?? new Uri("http://shop.test/"), cookies ?? new CookieContainer());

    public HttpAnswer Http { get; }

    /// <summary>Where the answer came from, after redirects.</summary>
    public Uri Url { get; }

    public int Status => Http.Status;

    public string Body => Http.Body.Text;

    public bool IsHtml => Http.Headers.TryGetValue("Content-Type", out var type) && type.Contains("html", StringComparison.OrdinalIgnoreCase);

    public IHtmlDocument Html => _html ??= new HtmlParser().ParseDocument(Body);

    /// <summary>The body as JSON; null with <paramref name="problem"/> when it is not JSON.</summary>
    public JToken? Json(out string? problem)
    {
        if (!_jsonParsed)
        {
            _json = JsonExpectation.Parse(Body, out _jsonProblem);
            _jsonParsed = true;
        }
        problem = _jsonProblem;
        return _json;
    }

    /// <summary>The value of the cookie the run's jar would send to this answer's URL, else of any cookie of that name
    /// in the jar (one set for another path of the shop).</summary>
    public string? Cookie(string name) =>
        _cookies.GetCookies(Url)[name]?.Value ?? _cookies.GetAllCookies().FirstOrDefault(c => c.Name == name)?.Value;
}
