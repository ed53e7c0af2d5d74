using System.Net;
using System.Text;
using Monitoring.Probes;
using Monitoring.Scenarios;

namespace Monitoring.Tests.Scenarios;

/// <summary>The runner against a shop answered from memory: order, captures, substitution, stopping, cleanup, redaction.</summary>
public sealed class ScenarioRunnerTests
{
    private const string Password = "Pa$$w0rd-42";

    /// <summary>Answers by "METHOD path"; records what was sent, bodies included.</summary>
    private sealed class FakeShop(Func<HttpRequestMessage, string, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        public List<(string Line, string Body, HttpRequestMessage Request)> Sent { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Sent.Add(($"{request.Method} {request.RequestUri!.PathAndQuery}", body, request));
            var response = await answer(request, body).WaitAsync(cancellationToken);
            response.RequestMessage = request;
            return response;
        }
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string body, string type = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, type) };

    private static ProbeDefinition Scenario(string yaml, TimeSpan? timeout = null)
    {
        var (node, errors) = StepYaml.Parse(yaml);
        var settings = ScenarioSettings.Read(node);
        Assert.Empty(errors.Errors);
        return new ProbeDefinition("checkout", "Checkout", ScenarioReader.KindName, TimeSpan.FromMinutes(1), timeout ?? TimeSpan.FromSeconds(10),
            null, settings!, "checks/scenarios/t.yaml:1");
    }

    private static async Task<(ScenarioRun Run, FakeShop Shop)> RunAsync(string yaml, Func<HttpRequestMessage, string, Task<HttpResponseMessage>> answer,
        TimeSpan? timeout = null)
    {
        var shop = new FakeShop(answer);
        var runner = new ScenarioRunner(TimeProvider.System, (_, _) => shop);
        return (await runner.RunAsync(Scenario(yaml, timeout), CancellationToken.None), shop);
    }

    private const string Checkout = $$$"""
        vars: { base: "http://shop.test", password: "{{{Password}}}", sku: TEST-1 }
        steps:
          - name: sign in
            request: { url: "{{base}}/login", form: { email: buyer@shop.test, password: "{{password}}" } }
            capture: { token: { json: $.token } }
          - name: add to cart
            request:
              url: "{{base}}/api/cart"
              headers: { Authorization: "Bearer {{token}}" }
              json: { sku: "{{sku}}", qty: 1 }
            capture: { cart_id: { json: $.id } }
          - name: checkout
            request: { url: "{{base}}/checkout/{{cart_id}}", method: GET }
            expect: { body_contains: Payment }
          - name: empty cart
            always: true
            request: { method: DELETE, url: "{{base}}/api/cart/{{cart_id}}" }
        """;

    private static Task<HttpResponseMessage> Shop(HttpRequestMessage request, string body, HttpStatusCode cart = HttpStatusCode.OK) =>
        Task.FromResult($"{request.Method} {request.RequestUri!.AbsolutePath}" switch
        {
            "POST /login" => Answer(HttpStatusCode.OK, """{"token":"tok-secret-9"}"""),
            "POST /api/cart" => Answer(cart, $$"""{"id":"c-7","echo":{{System.Text.Json.JsonSerializer.Serialize(request.Headers.Authorization?.ToString())}}}"""),
            "GET /checkout/c-7" => Answer(HttpStatusCode.OK, "<html><body><h1>Payment</h1></body></html>", "text/html"),
            "DELETE /api/cart/c-7" => Answer(HttpStatusCode.NoContent, ""),
            _ => Answer(HttpStatusCode.NotFound, "no route"),
        });

    [Fact]
    public async Task Passes_values_from_step_to_step_and_fills_urls_headers_and_bodies()
    {
        var (run, shop) = await RunAsync(Checkout, (r, b) => Shop(r, b));

        Assert.Equal(ProbeOutcome.Pass, run.Result.Outcome);
        Assert.StartsWith("4 step(s) passed in ", run.Result.Message);
        Assert.Equal(["POST /login", "POST /api/cart", "GET /checkout/c-7", "DELETE /api/cart/c-7"], shop.Sent.Select(s => s.Line));
        Assert.Equal($"email=buyer%40shop.test&password={Uri.EscapeDataString(Password).Replace("%20", "+")}", shop.Sent[0].Body);
        Assert.Equal("""{"sku":"TEST-1","qty":1}""", shop.Sent[1].Body);
        Assert.Equal("Bearer tok-secret-9", shop.Sent[1].Request.Headers.Authorization!.ToString());
        Assert.All(run.Steps, s => Assert.Equal(StepOutcome.Pass, s.Outcome));
        Assert.Equal(run.Result.RunId, Guid.Parse(Assert.Single(run.Steps.Select(_ => run.Result.RunId.ToString()).Distinct())));
    }

    [Fact]
    public async Task Names_the_failing_step_skips_the_rest_and_still_runs_the_cleanup()
    {
        var (run, shop) = await RunAsync(Checkout.Replace("expect: { body_contains: Payment }", "expect: { status: 200, body_contains: Invoice }"),
            (r, b) => Shop(r, b));

        Assert.Equal(ProbeOutcome.Fail, run.Result.Outcome);
        Assert.Equal("step 'checkout' failed: body: expected to contain 'Invoice', not found (body 42 bytes)", run.Result.Message);
        Assert.Equal([StepOutcome.Pass, StepOutcome.Pass, StepOutcome.Fail, StepOutcome.Pass], run.Steps.Select(s => s.Outcome));
        Assert.Equal("DELETE /api/cart/c-7", shop.Sent[^1].Line);
        Assert.Equal("Payment", run.Steps[2].Excerpt);
    }

    [Fact]
    public async Task Fails_with_the_status_of_the_step_that_answered_500()
    {
        var (run, shop) = await RunAsync(Checkout.Replace("capture: { cart_id", "expect: { status: 200 }\n    capture: { cart_id"),
            (r, b) => Shop(r, b, cart: HttpStatusCode.InternalServerError));

        Assert.Equal("step 'add to cart' failed: HTTP 500 (expected 200)", run.Result.Message);
        Assert.Equal((FailureClass.HttpStatus, 500), (run.Result.Failure, run.Result.StatusCode));
        Assert.Equal(StepOutcome.Skipped, run.Steps[2].Outcome);
        Assert.Equal("not run: step 'add to cart' failed", run.Steps[2].Message);
        // The cleanup needs the cart id that was never captured: it is skipped, not sent with a hole in its URL.
        Assert.Equal(StepOutcome.Skipped, run.Steps[3].Outcome);
        Assert.Equal("not run: {{cart_id}} has no value (the step that captures it did not run)", run.Steps[3].Message);
        Assert.Equal(["POST /login", "POST /api/cart"], shop.Sent.Select(s => s.Line));
    }

    [Fact]
    public async Task Only_degrades_the_run_when_a_cleanup_step_fails()
    {
        var (run, _) = await RunAsync(Checkout, (r, b) => r.Method == HttpMethod.Delete
            ? Task.FromResult(Answer(HttpStatusCode.Conflict, "locked"))
            : Shop(r, b));

        Assert.Equal(ProbeOutcome.Degraded, run.Result.Outcome);
        Assert.Equal("cleanup step 'empty cart' failed: HTTP 409 (expected 2xx)", run.Result.Message);
    }

    [Fact]
    public async Task Never_lets_a_password_token_or_authorization_header_reach_messages_or_excerpts()
    {
        // A broken shop that echoes everything it was sent, in a failure.
        var (run, _) = await RunAsync(Checkout.Replace("capture: { token: { json: $.token } }", "capture: { token: { json: $.token } }\n    expect: { body_contains: welcome }"),
            (r, b) => Task.FromResult(Answer(HttpStatusCode.OK, $$"""{"token":"tok-secret-9","you sent":"{{b}} {{WebUtility.HtmlEncode(Password)}}"}""")));

        var everything = string.Join("\n", run.Steps.Select(s => s.Message + s.Excerpt)) + run.Result.Message;
        Assert.DoesNotContain(Password, everything);
        Assert.DoesNotContain(Uri.EscapeDataString(Password), everything);
        Assert.DoesNotContain(WebUtility.HtmlEncode(Password), everything);
        Assert.Contains("***", run.Steps[0].Excerpt);
    }

    [Fact]
    public async Task Redacts_captured_secrets_and_authorization_headers_in_later_answers()
    {
        var (run, _) = await RunAsync(Checkout.Replace("capture: { cart_id: { json: $.id } }", "capture: { cart_id: { json: $.id } }\n    expect: { status: 201 }"),
            (r, b) => Shop(r, b));

        Assert.Equal("step 'add to cart' failed: HTTP 200 (expected 201)", run.Result.Message);
        Assert.DoesNotContain("tok-secret-9", run.Steps[1].Excerpt);
        Assert.Contains("\"echo\":\"***\"", run.Steps[1].Excerpt);
    }

    [Fact]
    public async Task Fails_a_step_that_outlives_its_timeout()
    {
        var (run, _) = await RunAsync("""
            steps:
              - name: slow search
                timeout: 100ms
                request: { url: "http://shop.test/search" }
            """, async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return Answer(HttpStatusCode.OK, "");
        });

        Assert.Equal("step 'slow search' failed: timeout: no complete answer within 100ms", run.Result.Message);
        Assert.Equal(FailureClass.Timeout, run.Result.Failure);
    }

    [Fact]
    public async Task Gives_each_run_its_own_run_id_variable()
    {
        var (run, shop) = await RunAsync("""
            steps:
              - name: tag
                request: { url: "http://shop.test/t", headers: { X-Synthetic-Run: "{{run_id}}" } }
            """, (_, _) => Task.FromResult(Answer(HttpStatusCode.OK, "")));

        Assert.Equal(run.Result.RunId.ToString("D"), shop.Sent[0].Request.Headers.GetValues("X-Synthetic-Run").Single());
    }
}
