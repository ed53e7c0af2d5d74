using Monitoring.Alerting;
using Monitoring.Alerting.Channels.Email;

namespace Monitoring.Tests.Alerting;

public sealed class AlertingOptionsTests
{
    [Fact]
    public void Backs_off_exponentially_up_to_the_maximum()
    {
        var options = new AlertingOptions { RetryDelay = TimeSpan.FromSeconds(15), MaxRetryDelay = TimeSpan.FromMinutes(2) };

        Assert.Equal([15, 30, 60, 120, 120, 120], Enumerable.Range(1, 6).Select(n => options.RetryDelayAfter(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(2), options.RetryDelayAfter(1000));
    }

    [Fact]
    public void Needs_nothing_while_email_is_off()
    {
        Assert.Empty(new EmailOptions().Validate());
        Assert.Empty(new AlertingOptions().Validate(channelOn: false));
    }

    [Fact]
    public void Says_everything_that_is_missing_to_send_email()
    {
        var email = new EmailOptions { SmtpHost = "smtp.example.com", SmtpPort = 0, SmtpPassword = "s3cret" };
        var alerting = new AlertingOptions { SigningKey = "short", DispatchInterval = TimeSpan.FromSeconds(7) };

        Assert.Equal(
        [
            "SmtpPort 0 is not a port (1 to 65535)",
            "From is required when SmtpHost is set (write e.g. \"shopmon <shopmon@example.com>\")",
            "SmtpPassword is set but SmtpUsername is empty",
        ], email.Validate());
        Assert.Equal(
        [
            "PublicBaseUrl is required when alerts are sent: it starts the acknowledgement and check links (write e.g. https://monitor.example.com)",
            "SigningKey is too short: use at least 32 characters (or leave it empty to have one generated and stored)",
            "DispatchInterval: '7s' cannot be scheduled evenly: use a divisor of a minute (5s, 10s, 15s, 30s), of an hour (1m, 2m, 5m, 10m, 15m, 30m), of a day (1h, 2h, 3h, 4h, 6h, 8h, 12h) or 1d",
        ], alerting.Validate(channelOn: true));
    }

    [Fact]
    public void Never_prints_the_smtp_password()
    {
        var email = new EmailOptions { SmtpHost = "smtp.example.com", SmtpUsername = "shopmon", SmtpPassword = "s3cret-Pa55" };

        Assert.Equal("smtp.example.com:587 (Auto)", email.ToString());
    }

    [Theory]
    [InlineData("ops@example.com", true)]
    [InlineData("Ops team <ops@example.com>", true)]
    [InlineData("ops@localhost", true)]
    [InlineData("ops@", false)]
    [InlineData("@example.com", false)]
    [InlineData("ops", false)]
    [InlineData("ops@example..com", false)]
    [InlineData("two words@example.com", false)]
    public void Knows_an_email_address(string text, bool valid)
    {
        Assert.Equal(valid, AlertRoutes.TryParseRecipient(text, out _));
    }
}
