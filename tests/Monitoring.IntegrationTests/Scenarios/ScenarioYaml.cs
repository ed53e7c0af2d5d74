namespace Monitoring.IntegrationTests.Scenarios;

/// <summary>The checkout scenario the integration tests run against <see cref="ScenarioShop"/>.</summary>
public static class ScenarioYaml
{
    /// <summary>A checks/scenarios file; SHOP_URL and BUYER_PASSWORD come from the variables of the load.</summary>
    public static string Checkout(string interval = "1m", string timeout = "10s") => $$$"""
        scenarios:
          - id: b2b-checkout
            name: B2B checkout to payment
            team: checkout
            interval: {{{interval}}}
            timeout: {{{timeout}}}
            retries: 0
            alerting: { failure_threshold: 1 }
            vars:
              base: ${SHOP_URL}
              email: buyer@shop.test
              password: { value: "${BUYER_PASSWORD}", secret: true }
              sku: TEST-SKU-1
            steps:
              - name: open login
                request: { url: "{{base}}/login" }
                expect:
                  status: 200
                  html: { css: "form#login" }
                capture:
                  csrf: { css: "input[name=__RequestVerificationToken]", attribute: value, secret: true }
              - name: sign in
                request:
                  method: POST
                  url: "{{base}}/login"
                  form: { email: "{{email}}", password: "{{password}}", __RequestVerificationToken: "{{csrf}}" }
                expect:
                  status: 200
                  html: { css: h1, text: Welcome }
              - name: add to cart
                request: { url: "{{base}}/cart/add", form: { sku: "{{sku}}" } }
                expect:
                  status: 200
                  html: { css: li.line, count: 1 }
              - name: cart api
                request: { url: "{{base}}/api/cart" }
                expect:
                  json: [ { path: $.lines, equals: 1 }, { path: "$.skus[0]", equals: "{{sku}}" } ]
                  max_latency: 5s
                capture:
                  cart_id: { json: $.id }
              - name: price via graphql
                request:
                  url: "{{base}}/graphql"
                  graphql:
                    query: "query($sku: String!) { product(sku: $sku) { price currency } }"
                    variables: { sku: "{{sku}}" }
                expect:
                  json: { path: $.data.product.currency, equals: EUR }
              - name: checkout to payment
                request: { url: "{{base}}/checkout" }
                expect:
                  body_contains: Payment
                  html: { css: "form#payment input[name=method]", exists: true }
              - name: empty cart
                always: true
                request: { method: DELETE, url: "{{base}}/api/cart/{{cart_id}}" }
                expect: { status: 204 }
        """;
}
