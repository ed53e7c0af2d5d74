using Monitoring.Checks;
using Monitoring.Checks.Schemas;
using Monitoring.Cli;
using Xunit;

namespace Monitoring.Tests.Checks.Schemas;

/// <summary>
/// The nested parts of the schemas (a probe's expect, a scenario step's request, expect and capture, a source's
/// entities, a quality rule's settings) are described as fully as their readers read them: a typo or a value of the
/// wrong type is refused at its line and path.
/// </summary>
public sealed class NestedSchemaTests
{
    private const string Http = "probes:\n  - id: home\n    kind: http\n    url: http://shop/\n    expect:\n";
    private const string Step = "scenarios:\n  - id: buy\n    steps:\n      - name: home\n        request: { url: http://shop/ }\n";
    private const string Csv = "sources:\n  - id: erp\n    kind: csv\n    files: a.csv\n    entities:\n";
    private const string Rule = "rules:\n  - id: r\n    entity: product\n    severity: major\n";
    private const string BrowserStep = "scenarios:\n  - id: buy\n    browser: true\n    steps:\n      - name: home\n";

    public static TheoryData<string, string, int, string, string> Invalid => new()
    {
        // schema, document, line, path, message
        { "probes", Http + "      statuss: 200\n", 6, "probes[0].expect.statuss", "schema: unknown key" },
        { "probes", Http + "      status: 700\n", 6, "probes[0].expect.status", "schema: too big (at most 599)" },
        { "probes", Http + "      json: { path: $.a, equal: 1 }\n", 6, "probes[0].expect.json.equal", "schema: unknown key" },
        { "probes", Http + "      json:\n        - equals: 1\n", 7, "probes[0].expect.json[0].path", "schema: required" },
        { "probes", Http + "      latency: { degraded_over: fast }\n", 6, "probes[0].expect.latency.degraded_over", "schema: not a duration (write e.g. 500ms, 30s, 5m, 1h)" },
        { "probes", Http + "      headers: { x-cache: { equal: HIT } }\n", 6, "probes[0].expect.headers.x-cache.equal", "schema: unknown key" },
        { "probes", "probes:\n  - id: home\n    kind: http\n    url: http://shop/\n    headers: { accept: [a, b] }\n", 5, "probes[0].headers.accept", "schema: expected a single value, not a mapping or a list" },
        { "probes", Http + "      rcode: NOERROR\n", 6, "probes[0].expect.rcode", "schema: unknown key" },
        { "probes", "probes:\n  - id: port\n    kind: tcp\n    target: shop:25\n    expect: { contain: OK }\n", 5, "probes[0].expect.contain", "schema: unknown key" },
        { "probes", "probes:\n  - id: cert\n    kind: tls\n    target: shop:443\n    expect:\n      min_days_left: soon\n", 6, "probes[0].expect.min_days_left", "schema: expected a whole number" },
        { "probes", "probes:\n  - id: cert\n    kind: tls\n    target: shop:443\n    expect:\n      valid_chain: maybe\n", 6, "probes[0].expect.valid_chain", "schema: not a boolean (write true or false)" },
        { "probes", "probes:\n  - id: ns\n    kind: dns\n    name: shop.example\n    expect: { answers_min: -1 }\n", 5, "probes[0].expect.answers_min", "schema: too small (at least 0)" },
        { "scenarios", Step + "        reqest: { url: http://shop/ }\n", 6, "scenarios[0].steps[0].reqest", "schema: unknown key" },
        { "scenarios", "scenarios:\n  - id: buy\n    steps:\n      - name: home\n        request: { url: http://shop/, metod: POST }\n", 5, "scenarios[0].steps[0].request.metod", "schema: unknown key" },
        { "scenarios", "scenarios:\n  - id: buy\n    steps:\n      - name: home\n        request: { url: http://shop/, follow_redirects: sometimes }\n", 5, "scenarios[0].steps[0].request.follow_redirects", "schema: not a boolean (write true or false)" },
        { "scenarios", "scenarios:\n  - id: buy\n    steps:\n      - name: home\n        request: { url: http://shop/, graphql: { variables: {} } }\n", 5, "scenarios[0].steps[0].request.graphql.query", "schema: required" },
        { "scenarios", Step + "        expect: { status: 200, htm: { css: h1 } }\n", 6, "scenarios[0].steps[0].expect.htm", "schema: unknown key" },
        { "scenarios", Step + "        expect:\n          html: { css: li, count: many }\n", 7, "scenarios[0].steps[0].expect.html.count", "schema: expected a whole number" },
        { "scenarios", Step + "        capture:\n          sku: { css: li, atribute: data-sku }\n", 7, "scenarios[0].steps[0].capture.sku.atribute", "schema: unknown key" },
        { "scenarios", Step + "        capture:\n          token: { json: $.token, secret: perhaps }\n", 7, "scenarios[0].steps[0].capture.token.secret", "schema: not a boolean (write true or false)" },
        { "scenarios", BrowserStep + "        clik: '#buy'\n", 6, "scenarios[0].steps[0].clik", "schema: unknown key" },
        { "scenarios", BrowserStep + "        open: http://shop/\n        expect: { titel: Shop }\n", 7, "scenarios[0].steps[0].expect.titel", "schema: unknown key" },
        { "scenarios", BrowserStep + "        request: { url: http://shop/ }\n", 6, "scenarios[0].steps[0].request", "schema: unknown key" },
        { "sources", Csv + "      product: { sku: \"[Ref]\", nam: \"[Name]\" }\n", 6, "sources[0].entities.product.nam", "schema: unknown key" },
        { "sources", Csv + "      product: { name: \"[Name]\" }\n", 6, "sources[0].entities.product.sku", "schema: required" },
        { "sources", Csv + "      produkt: { sku: \"[Ref]\" }\n", 6, "sources[0].entities.produkt", "schema: unknown key" },
        { "sources", Csv + "      product: { sku: { column: Ref } }\n", 6, "sources[0].entities.product.sku", "schema: not any of the accepted forms (see the schema's description of this key)" },
        { "sources", "sources:\n  - id: shop\n    kind: sql\n    connection: Host=db\n    entities:\n      product: { querry: select 1 }\n", 6, "sources[0].entities.product.querry", "schema: unknown key" },
        { "sources", "sources:\n  - id: shop\n    kind: sql\n    connection: Host=db\n    entities:\n      product: { query: select 1, map: { nme: title } }\n", 6, "sources[0].entities.product.map.nme", "schema: unknown key" },
        { "sources", Csv.Replace("    entities:\n", "    decimal_separator: \";\"\n    entities:\n") + "      product: { sku: \"[Ref]\" }\n", 5, "sources[0].decimal_separator", "schema: not an allowed value (allowed: ., ,)" },
        { "quality", Rule + "    kind: length\n    field: description\n    mn: 50\n", 7, "rules[0].mn", "schema: unknown key" },
        { "quality", Rule + "    kind: length\n    field: description\n    min: fifty\n", 7, "rules[0].min", "schema: expected a whole number" },
        { "quality", Rule + "    kind: gtin\n    allow_books: sometimes\n", 6, "rules[0].allow_books", "schema: not a boolean (write true or false)" },
        { "quality", Rule + "    kind: gtin\n    min: 3\n", 6, "rules[0].min", "schema: unknown key" },
        { "quality", Rule + "    kind: comparison\n    left: list_price\n    right: unit_cost\n    op: greater\n", 8, "rules[0].op", "schema: not an allowed value (allowed: <, <=, >, >=, ==, !=)" },
        { "quality", Rule + "    kind: unique\n    field: gtin\n    normalize: digits\n", 7, "rules[0].normalize", "schema: not an allowed value (allowed: text, exact, gtin, vat, email)" },
        { "quality", Rule + "    kind: image_dimensions\n    categories:\n      - { prefix: tools, min_long: 800 }\n", 7, "rules[0].categories[0].min_long", "schema: unknown key" },
        { "quality", Rule + "    kind: freshness\n    max_age: a while\n", 6, "rules[0].max_age", "schema: not a duration (write e.g. 500ms, 30s, 5m, 1h)" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Refuses_a_typo_or_a_wrong_type_in_a_nested_part_at_its_line_and_path(string schema, string yaml, int line, string path, string message)
    {
        var errors = SchemaValidator.ValidateText(new StringReader(yaml), "checks/x.yaml", schema);

        var expected = new ConfigError("checks/x.yaml", line, path, message);
        Assert.True(errors.Contains(expected), $"expected {expected}, got:\n{string.Join("\n", errors)}");
    }

    public static TheoryData<string, string> Valid => new()
    {
        { "probes", Http + "      status: [200, 3xx]\n      latency: { degraded_over: 500ms, down_over: 2s }\n      headers: { content-type: { contains: html }, x-cache: HIT }\n      body_contains: [Shop, Cart]\n      json: [{ path: $.items.length, gt: 0 }]\n" },
        { "probes", "probes:\n  - id: ns\n    kind: dns\n    name: shop.example\n    expect: { rcode: nxdomain, answers_min: 0 }\n" },
        { "scenarios", Step + "        expect: { status: 2xx, html: [{ css: li, count: 3 }, { css: h1, text: Shop }], max_latency: 2s }\n        capture:\n          sku: { css: li, attribute: data-sku }\n          token: { regex: 'token=(\\w+)', group: 1, secret: true }\n" },
        { "scenarios", BrowserStep + "        open: http://shop/\n      - name: search\n        fill: { '#q': gloves }\n      - name: go\n        press: Enter\n        expect: { css: li.product }\n" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Accepts_every_key_its_reader_reads(string schema, string yaml) =>
        Assert.Empty(SchemaValidator.ValidateText(new StringReader(yaml), "checks/x.yaml", schema));

    [Fact]
    public void Monitoring_validate_refuses_a_typo_in_each_nested_part_with_its_file_and_line()
    {
        using var folder = new TempChecksFolder(
            ("probes/web.yaml", Http + "      statuss: 200\n"),
            ("scenarios/buy.yaml", "scenarios:\n  - id: buy\n    steps:\n      - name: home\n        request: { url: http://shop/, metod: POST }\n" +
                "        capture:\n          sku: { css: li, atribute: data-sku }\n"),
            ("sources/erp.yaml", Csv + "      product: { sku: \"[Ref]\", nam: \"[Name]\" }\n"),
            ("quality/catalogue.yaml", Rule + "    kind: length\n    field: description\n    mn: 50\n"));
        var output = new StringWriter();

        var exit = ValidateCommand.Run(folder.Checks, output);

        var text = output.ToString();
        Assert.Equal(1, exit);
        foreach (var expected in new[]
                 {
                     "checks/probes/web.yaml:6 probes[0].expect.statuss: unknown key",
                     "checks/scenarios/buy.yaml:5 scenarios[0].steps[0].request.metod: unknown key",
                     "checks/scenarios/buy.yaml:7 scenarios[0].steps[0].capture.sku.atribute: unknown key",
                     "checks/sources/erp.yaml:6 sources[0].entities.product.nam: unknown key",
                     "checks/quality/catalogue.yaml:7 rules[0].mn: unknown key",
                 })
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"no '{expected}' in:\n{text}");
    }
}
