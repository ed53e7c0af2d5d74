using Monitoring.Checks;
using Monitoring.Scenarios;
using Monitoring.Scenarios.Browser;

namespace Monitoring.Tests.Scenarios.Browser;

/// <summary>A scenario with <c>browser: true</c> reads browser steps; every mistake is reported at its file and line.</summary>
public sealed class BrowserScenarioReaderTests
{
    private const string Checkout = """
        scenarios:
          - id: js-checkout
            name: Checkout in a browser
            browser: true
            interval: 5m
            timeout: 45s
            vars:
              base: ${SHOP_URL}
              password: { value: "${BUYER_PASSWORD}", secret: true }
            steps:
              - name: open sign-in
                open: "{{base}}/login"
                expect: { css: "form#login", title: Sign in }
              - name: email
                fill: { "#login input[name=email]": buyer@shop.test }
              - name: password
                fill: { "#login input[name=password]": "{{password}}" }
              - name: sign in
                click: "#login button[type=submit]"
                expect: { css: "body[data-signed-in=true]" }
              - name: search
                press: { "#q": Enter }
              - name: pick a method
                select: { "select#delivery": express }
              - name: payment
                wait_for: "li.payment-method[data-method=card]"
                timeout: 5s
                expect: { text: Payment, url: /checkout/payment }
              - name: sign out
                always: true
                open: "{{base}}/logout"
        """;

    private static (CheckSet? Checks, IReadOnlyList<ConfigError> Errors) Load(string scenarios)
    {
        using var folder = new TempChecksFolder(("scenarios/checkout.yaml", scenarios));
        return CheckSetLoader.Default(new Dictionary<string, string> { ["SHOP_URL"] = "http://shop.test", ["BUYER_PASSWORD"] = "s3cret!" })
            .Load(folder.Checks);
    }

    private static string SingleError(string yaml) => Assert.Single(Load(yaml).Errors).ToString();

    [Fact]
    public void Reads_a_browser_scenario_as_a_check_of_kind_scenario_with_browser_steps()
    {
        var (checks, errors) = Load(Checkout);

        Assert.Empty(errors);
        var check = Assert.Single(checks!.Probes);
        Assert.Equal(ScenarioReader.KindName, check.Kind);
        Assert.Equal(TimeSpan.FromSeconds(45), check.Timeout);
        var settings = Assert.IsType<BrowserScenarioSettings>(check.Settings);
        Assert.Equal("http://shop.test", settings.Target);
        Assert.Equal(["open-sign-in", "email", "password", "sign-in", "search", "pick-a-method", "payment", "sign-out"], settings.StepIds);
        Assert.Equal(new BrowserAction.Open("{{base}}/login"), settings.Steps[0].Action);
        Assert.Equal(new BrowserExpectations("form#login", null, null, "Sign in"), settings.Steps[0].Expect);
        Assert.Equal(new BrowserAction.Fill("#login input[name=password]", "{{password}}"), settings.Steps[2].Action);
        Assert.Equal(new BrowserAction.Click("#login button[type=submit]"), settings.Steps[3].Action);
        Assert.Equal(new BrowserAction.Press("#q", "Enter"), settings.Steps[4].Action);
        Assert.Equal(new BrowserAction.Select("select#delivery", "express"), settings.Steps[5].Action);
        Assert.Equal(new BrowserAction.WaitFor("li.payment-method[data-method=card]"), settings.Steps[6].Action);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Steps[6].Timeout);
        Assert.True(settings.Steps[7].Always);
        Assert.True(Assert.Single(settings.Variables, v => v.Name == "password").Secret);
    }

    [Fact]
    public void Keeps_http_scenarios_without_the_browser_key_or_with_browser_false()
    {
        var (checks, errors) = Load("""
            scenarios:
              - id: s
                browser: false
                steps:
                  - name: home
                    request: { url: "http://shop.test/" }
            """);

        Assert.Empty(errors);
        Assert.IsType<ScenarioSettings>(Assert.Single(checks!.Probes).Settings);
    }

    [Fact]
    public void Reads_a_step_of_expectations_only_and_a_key_pressed_on_the_page()
    {
        var (checks, errors) = Load("""
            scenarios:
              - id: s
                browser: true
                steps:
                  - name: home
                    open: "http://shop.test/"
                  - name: escape
                    press: Escape
                  - name: still home
                    expect: { url: shop.test }
            """);

        Assert.Empty(errors);
        var steps = ((BrowserScenarioSettings)Assert.Single(checks!.Probes).Settings).Steps;
        Assert.Equal(new BrowserAction.Press(null, "Escape"), steps[1].Action);
        Assert.IsType<BrowserAction.Nothing>(steps[2].Action);
    }

    private const string Head = "scenarios:\n  - id: s\n    browser: true\n    steps:\n      - name: home\n        open: 'http://shop.test/'\n";

    public static TheoryData<string, string, string> Broken => new()
    {
        // why, the YAML, the start of the one error it must give
        { "no action", Head + "      - name: nothing\n        timeout: 2s\n",
            "checks/scenarios/checkout.yaml:7 scenarios[0].steps[1]: a browser step needs an action (open, click, fill, select, press, wait_for) or expect" },
        { "two actions", Head + "      - name: both\n        click: '#a'\n        wait_for: '#b'\n",
            "checks/scenarios/checkout.yaml:7 scenarios[0].steps[1]: one action per step, found click and wait_for" },
        { "an HTTP request in a browser step", Head + "      - name: api\n        request: { url: 'http://shop.test/api' }\n",
            "checks/scenarios/checkout.yaml:8 scenarios[0].steps[1].request: a browser step has no request" },
        { "two fields in one fill", Head + "      - name: form\n        fill: { '#a': x, '#b': y }\n",
            "checks/scenarios/checkout.yaml:8 scenarios[0].steps[1].fill: expected one '<selector>: <value>' pair" },
        { "a relative URL", "scenarios:\n  - id: s\n    browser: true\n    steps:\n      - name: home\n        open: /login\n",
            "checks/scenarios/checkout.yaml:6 scenarios[0].steps[0].open: '/login' is not an absolute http:// or https:// URL" },
        { "a first step that opens nothing", "scenarios:\n  - id: s\n    browser: true\n    steps:\n      - name: go\n        click: '#go'\n",
            "checks/scenarios/checkout.yaml:5 scenarios[0].steps[0]: the first step of a browser scenario opens a page" },
        { "an unknown expectation", Head + "      - name: check\n        expect: { css: h1, status: 200 }\n",
            "checks/scenarios/checkout.yaml:8 scenarios[0].steps[1].expect.status: unknown key" },
        { "an empty expectation", Head + "      - name: check\n        expect: {}\n",
            "checks/scenarios/checkout.yaml:8 scenarios[0].steps[1].expect: expect needs at least one of css, text, url, title" },
        { "an undefined variable", Head + "      - name: search\n        fill: { '#q': '{{term}}' }\n",
            "checks/scenarios/checkout.yaml:7 scenarios[0].steps[1]: '{{term}}' is not defined" },
        { "a duplicate step", Head + "      - name: home\n        click: '#logo'\n",
            "checks/scenarios/checkout.yaml:7 scenarios[0].steps[1]: duplicate step id 'home' (first at line 5)" },
        { "a typo in a key", Head + "      - name: go\n        clik: '#go'\n",
            "checks/scenarios/checkout.yaml:8 scenarios[0].steps[1].clik: unknown key (did you mean 'click'?)" },
        { "an unknown browser value", "scenarios:\n  - id: s\n    browser: chromium\n    steps:\n      - name: home\n        request: { url: 'http://shop.test/' }\n",
            "checks/scenarios/checkout.yaml:3 scenarios[0].browser: 'chromium' is not a boolean (write true or false)" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Reports_a_broken_browser_scenario_at_its_file_line_and_path(string why, string yaml, string expected)
    {
        _ = why;
        var errors = Load(yaml).Errors.Select(e => e.ToString()).ToList();
        Assert.True(errors.Any(e => e.StartsWith(expected, StringComparison.Ordinal)),
            $"{why}: expected '{expected}', got:\n{string.Join("\n", errors)}");
    }
}
