using Monitoring.Checks;
using Monitoring.Scenarios;
using Monitoring.Scenarios.Captures;

namespace Monitoring.Tests.Scenarios;

/// <summary>checks/scenarios/*.yaml become checks of kind scenario; every mistake is reported at its file and line.</summary>
public sealed class ScenarioReaderTests
{
    private const string Checkout = """
        scenarios:
          - id: b2b-checkout
            name: B2B checkout
            team: checkout
            interval: 5m
            timeout: 30s
            retries: 1
            vars:
              base: ${SHOP_URL}
              password: { value: "${BUYER_PASSWORD}", secret: true }
            steps:
              - name: open login
                request: { url: "{{base}}/login" }
                capture:
                  csrf: { css: "input[name=__RequestVerificationToken]", attribute: value, secret: true }
              - name: sign in
                request:
                  url: "{{base}}/login"
                  form: { email: buyer@shop.test, password: "{{password}}", __RequestVerificationToken: "{{csrf}}" }
                  follow_redirects: false
                expect: { status: 302 }
              - name: add to cart
                request: { url: "{{base}}/api/cart", json: { sku: TEST-1, qty: 2 } }
                expect:
                  json: { path: $.lines, equals: 1 }
                  html: { css: h1 }
                capture:
                  cart_id: { json: $.id }
              - name: empty cart
                always: true
                timeout: 2s
                request: { method: DELETE, url: "{{base}}/api/cart/{{cart_id}}" }
        """;

    private static (CheckSet? Checks, IReadOnlyList<ConfigError> Errors) Load(string scenarios, string file = "scenarios/checkout.yaml")
    {
        using var folder = new TempChecksFolder((file, scenarios));
        return CheckSetLoader.Default(new Dictionary<string, string> { ["SHOP_URL"] = "http://shop.test", ["BUYER_PASSWORD"] = "s3cret!" })
            .Load(folder.Checks);
    }

    private static string SingleError(string yaml) => Assert.Single(Load(yaml).Errors).ToString();

    [Fact]
    public void Reads_a_scenario_as_a_check_of_kind_scenario_with_its_common_keys()
    {
        var (checks, errors) = Load(Checkout);

        Assert.Empty(errors);
        var check = Assert.Single(checks!.Probes);
        Assert.Equal(("b2b-checkout", "B2B checkout", "scenario", "checkout"), (check.Id, check.Name, check.Kind, check.Team));
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), 1), (check.Interval, check.Timeout, check.Policy.Retries));
        Assert.Equal("checks/scenarios/checkout.yaml:2", check.Source);
        var settings = (ScenarioSettings)check.Settings;
        Assert.Equal(["open-login", "sign-in", "add-to-cart", "empty-cart"], settings.Steps.Select(s => s.Id));
        Assert.Equal("http://shop.test", settings.Target);
        Assert.Equal("POST", settings.Steps[1].Request.Method);
        Assert.False(settings.Steps[1].Request.FollowRedirects);
        Assert.Equal("DELETE", settings.Steps[3].Request.Method);
        Assert.True(settings.Steps[3].Always);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Steps[3].Timeout);
        Assert.Equal("""{"sku":"TEST-1","qty":2}""", settings.Steps[2].Request.Json!.ToJsonString());
        Assert.IsType<CssCapture>(settings.Steps[0].Captures[0].From);
        Assert.Contains(settings.Variables, v => v is { Name: "password", Value: "s3cret!", Secret: true });
    }

    [Fact]
    public void Never_serialises_variables_headers_or_bodies_with_the_stored_definition()
    {
        var settings = Load(Checkout).Checks!.Probes[0].Settings;

        var json = System.Text.Json.JsonSerializer.Serialize(settings, settings.GetType(), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

        Assert.DoesNotContain("s3cret!", json);
        Assert.Contains("add to cart", json);
    }

    public static TheoryData<string, string, string> Broken => new()
    {
        {
            "a placeholder nothing defines",
            """
            scenarios:
              - id: s
                steps:
                  - name: home
                    request: { url: "http://shop.test/{{page}}" }
            """,
            "checks/scenarios/checkout.yaml:4 scenarios[0].steps[0]: '{{page}}' is not defined: declare it under vars or capture it in an earlier step"
        },
        {
            "a placeholder captured only by a later step",
            """
            scenarios:
              - id: s
                steps:
                  - name: one
                    request: { url: "http://shop.test/cart/{{cart_id}}" }
                  - name: two
                    request: { url: "http://shop.test/cart" }
                    capture: { cart_id: { json: $.id } }
            """,
            "checks/scenarios/checkout.yaml:4 scenarios[0].steps[0]: '{{cart_id}}' is not defined: declare it under vars or capture it in an earlier step"
        },
        {
            "two bodies in one request",
            """
            scenarios:
              - id: s
                steps:
                  - name: one
                    request: { url: "http://shop.test/", form: { a: b }, body: text }
            """,
            "checks/scenarios/checkout.yaml:5 scenarios[0].steps[0].request: one body per request, found form and body"
        },
        {
            "a capture without a source",
            """
            scenarios:
              - id: s
                steps:
                  - name: one
                    request: { url: "http://shop.test/" }
                    capture:
                      token: { secret: true }
            """,
            "checks/scenarios/checkout.yaml:7 scenarios[0].steps[0].capture.token: say where the value comes from: one of json, regex, css, header, cookie"
        },
        {
            "an invalid CSS selector",
            """
            scenarios:
              - id: s
                steps:
                  - name: one
                    request: { url: "http://shop.test/" }
                    expect:
                      html: { css: "div[", exists: true }
            """,
            "checks/scenarios/checkout.yaml:7 scenarios[0].steps[0].expect.html.css: 'div[' is not a CSS selector"
        },
        {
            "a regex group that does not exist",
            """
            scenarios:
              - id: s
                steps:
                  - name: one
                    request: { url: "http://shop.test/" }
                    capture:
                      order: { regex: 'order (\d+)', group: 2 }
            """,
            "checks/scenarios/checkout.yaml:7 scenarios[0].steps[0].capture.order.group: '2' is not a group of 'order (\\d+)' (groups: 0, 1)"
        },
        {
            "two steps with the same name",
            """
            scenarios:
              - id: s
                steps:
                  - name: home
                    request: { url: "http://shop.test/" }
                  - name: Home
                    request: { url: "http://shop.test/" }
            """,
            "checks/scenarios/checkout.yaml:6 scenarios[0].steps[1]: duplicate step id 'home' (first at line 4): give the steps different names or ids"
        },
        {
            "a misspelt step key",
            """
            scenarios:
              - id: s
                steps:
                  - name: home
                    request: { url: "http://shop.test/" }
                    alway: true
            """,
            "checks/scenarios/checkout.yaml:6 scenarios[0].steps[0].alway: unknown key (did you mean 'always'?)"
        },
        {
            "a scenario without steps",
            """
            scenarios:
              - id: s
            """,
            "checks/scenarios/checkout.yaml:2 scenarios[0].steps: required"
        },
        {
            "a relative URL",
            """
            scenarios:
              - id: s
                steps:
                  - name: home
                    request: { url: /login }
            """,
            "checks/scenarios/checkout.yaml:5 scenarios[0].steps[0].request.url: '/login' is not an absolute http:// or https:// URL"
        },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Reports_a_broken_scenario_at_its_file_line_and_path(string why, string yaml, string expected)
    {
        _ = why;
        Assert.StartsWith(expected, SingleError(yaml));
    }

    [Fact]
    public void Refuses_a_scenario_declared_among_the_probes()
    {
        var error = Assert.Single(Load("""
            probes:
              - id: s
                kind: scenario
            """, "probes/p.yaml").Errors).ToString();

        Assert.Contains("probes[0].kind: 'scenario' is not a probe kind (known kinds: http, tcp, dns, tls); scenarios are declared in scenarios/", error);
    }

    [Fact]
    public void Reports_a_duplicate_id_across_probes_and_scenarios()
    {
        using var folder = new TempChecksFolder(
            ("probes/p.yaml", "probes:\n  - id: checkout\n    kind: http\n    url: http://shop.test/\n"),
            ("scenarios/s.yaml", "scenarios:\n  - id: checkout\n    steps:\n      - name: home\n        request: { url: 'http://shop.test/' }\n"));

        var error = Assert.Single(CheckSetLoader.Default().Load(folder.Checks).Errors);

        Assert.Equal("checks/scenarios/s.yaml:2 scenarios[0].id: duplicate probe id 'checkout' (first declared at checks/probes/p.yaml:2)", error.ToString());
    }
}
