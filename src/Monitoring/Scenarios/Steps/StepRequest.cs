using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Checks.Yaml;

namespace Monitoring.Scenarios.Steps;

/// <summary>
/// The request of a step, from <c>request:</c>: <c>method</c>, <c>url</c>, <c>headers</c>, <c>follow_redirects</c> and at
/// most one body: <c>form</c> (a mapping, sent url-encoded), <c>json</c> (any YAML, sent as JSON), <c>graphql</c>
/// (<c>query</c>, <c>variables</c>, <c>operation_name</c>, sent as a GraphQL POST) or <c>body</c> (raw text, with the
/// Content-Type of <c>headers</c>, text/plain by default). Every text may hold <c>{{name}}</c>.
/// </summary>
public sealed class StepRequest
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
    private static readonly string[] BodyKeys = ["form", "json", "graphql", "body"];

    public string Method { get; init; } = "GET";

    public required string Url { get; init; }

    /// <summary>Request headers; values may hold credentials, so they are never stored or shown.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<KeyValuePair<string, string>> Form { get; init; } = [];

    /// <summary>The JSON body (for <c>json</c> and <c>graphql</c>), texts still holding their placeholders.</summary>
    public JsonNode? Json { get; init; }

    public string? RawBody { get; init; }

    public bool IsGraphQl { get; init; }

    public bool FollowRedirects { get; init; } = true;

    /// <summary>Every text that may hold placeholders, for checking at load time that they can be filled.</summary>
    public IEnumerable<string> Templates =>
        new[] { Url, RawBody ?? "" }.Concat(Headers.Values).Concat(Form.Select(f => f.Value)).Concat(Texts(Json));

    /// <summary>The request with its placeholders filled, the values of credential-like fields and headers added to the
    /// run's secrets; null with the name of the first variable that has no value.</summary>
    public HttpRequestMessage? Build(ScenarioContext context, out string? missing)
    {
        missing = null;
        string Fill(string text, ref string? absent)
        {
            var filled = context.Fill(text, out var name);
            absent ??= name;
            return filled ?? text;
        }

        var url = Fill(Url, ref missing);
        // A URL that a variable made unparsable stays null here; the runner reports it as the step's failure.
        var request = new HttpRequestMessage(new HttpMethod(Method), Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null);
        foreach (var (name, value) in Headers)
        {
            var filled = Fill(value, ref missing);
            if (Redactor.IsSecretName(name)) context.Secrets.Add(filled);
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) request.Headers.TryAddWithoutValidation(name, filled);
        }
        if (Form.Count > 0)
        {
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var (name, value) in Form)
            {
                var filled = Fill(value, ref missing);
                if (Redactor.IsSecretName(name)) context.Secrets.Add(filled);
                fields.Add(new(name, filled));
            }
            request.Content = new FormUrlEncodedContent(fields);
        }
        else if (Json is not null)
        {
            var absent = missing;
            var body = FillJson(Json.DeepClone(), null, text => Fill(text, ref absent), context.Secrets);
            missing = absent;
            request.Content = new StringContent(body!.ToJsonString(), Encoding.UTF8, "application/json");
        }
        else if (RawBody is not null)
        {
            request.Content = new StringContent(Fill(RawBody, ref missing), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(
                Headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "text/plain");
        }
        if (missing is null) return request;
        request.Dispose();
        return null;
    }

    /// <summary>Fills every text of the tree; values under credential-like property names become secrets.</summary>
    private static JsonNode? FillJson(JsonNode? node, string? property, Func<string, string> fill, Redactor secrets)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (key, child) in map.ToList()) map[key] = FillJson(child, key, fill, secrets);
                return map;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++) list[i] = FillJson(list[i]?.DeepClone(), property, fill, secrets);
                return list;
            case JsonValue value when value.TryGetValue<string>(out var text):
                var filled = fill(text);
                if (property is not null && Redactor.IsSecretName(property)) secrets.Add(filled);
                return JsonValue.Create(filled);
            default:
                return node;
        }
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject map => map.SelectMany(p => Texts(p.Value)),
        JsonArray list => list.SelectMany(Texts),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    public static StepRequest? Read(ConfigNode step)
    {
        var node = step.RequiredChild("request");
        if (node is null || !node.ExpectMapping()) return null;
        var url = node.RequiredString("url");
        if (url is not null && !Template.Names(url).Any() &&
            !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
            node.Child("url")!.Error($"'{url}' is not an absolute http:// or https:// URL");

        var bodies = BodyKeys.Where(k => node.Child(k) is not null).ToList();
        if (bodies.Count > 1) node.Error($"one body per request, found {string.Join(" and ", bodies)}");
        var method = (node.String("method") ?? (bodies.Count > 0 ? "POST" : "GET")).ToUpperInvariant();
        if (!Methods.Contains(method))
            node.Child("method")!.Error($"'{method}' is not an HTTP method ({string.Join(", ", Methods)})");

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in node.Entries("headers"))
            if (value.Scalar() is { } text) headers[name] = text;
        var form = node.Entries("form").Select(e => (e.Key, Value: e.Value.Scalar()))
            .Where(e => e.Value is not null).Select(e => new KeyValuePair<string, string>(e.Key, e.Value!)).ToList();
        var json = node.Child("json") is { } jsonNode ? YamlJson.Convert(jsonNode) : null;
        var graphQl = node.Child("graphql") is { } graphQlNode ? ReadGraphQl(graphQlNode) : null;
        var request = new StepRequest
        {
            Method = method,
            Url = url ?? "",
            Headers = headers,
            Form = form,
            Json = graphQl ?? json,
            IsGraphQl = graphQl is not null,
            RawBody = node.String("body"),
            FollowRedirects = node.Bool("follow_redirects") ?? true,
        };
        node.RejectUnknownKeys();
        return url is null ? null : request;
    }

    private static JsonObject? ReadGraphQl(ConfigNode node)
    {
        if (!node.ExpectMapping()) return null;
        var body = new JsonObject { ["query"] = node.RequiredString("query") };
        if (node.Child("variables") is { } variables) body["variables"] = YamlJson.Convert(variables);
        if (node.String("operation_name") is { } operation) body["operationName"] = operation;
        node.RejectUnknownKeys();
        return body;
    }
}
