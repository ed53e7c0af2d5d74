namespace Monitoring.IntegrationTests.Scenarios.Browser;

/// <summary>The demo shop's checkout as a browser scenario: sign in, add to cart, reach the payment step.</summary>
public static class BrowserScenarioYaml
{
    public static string Checkout(string interval = "2m", string timeout = "60s") => $$$"""
        scenarios:
          - id: browser-checkout
            name: Checkout in a browser up to the payment step
            browser: true
            interval: {{{interval}}}
            timeout: {{{timeout}}}
            retries: 0
            alerting: { failure_threshold: 1 }
            vars:
              base: ${SHOP_URL}
              email: probe@demo-shop.example
              password: { value: "demo-shop-2026", secret: true }
            steps:
              - name: open sign-in
                open: "{{base}}/login"
                expect: { css: "form#login", title: Sign in }
              - name: email
                fill: { "#login input[name=email]": "{{email}}" }
              - name: password
                fill: { "#login input[name=password]": "{{password}}" }
              - name: sign in
                click: "#login-button"
                expect: { css: "body[data-signed-in=true]" }
              - name: product page
                open: "{{base}}/products/GLV-NIT-100"
                expect: { css: "#price[data-price-kind]" }
              - name: add to cart
                click: "#add-to-cart-button"
                expect: { css: "tr.cart-line[data-sku=GLV-NIT-100]", url: /cart }
              - name: delivery
                click: "a#checkout"
                expect: { css: "form#delivery" }
              - name: payment step
                click: "#to-payment"
                timeout: 10s
                expect: { css: "li.payment-method[data-method=card]", url: /checkout/payment }
              - name: payment methods shown
                expect: { css: "#payment-methods", text: "Bank transfer", title: Payment }
              - name: empty the cart
                always: true
                open: "{{base}}/cart"
        """;
}
