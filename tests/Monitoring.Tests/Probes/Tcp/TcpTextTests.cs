using Monitoring.Probes;
using Monitoring.Probes.Tcp;

namespace Monitoring.Tests.Probes.Tcp;

/// <summary>Targets parse the way people write them, and answers show in one readable line whatever the server sent.</summary>
public sealed class TcpTextTests
{
    public static TheoryData<string, int?, string, int> HostPorts => new()
    {
        { "smtp.shop.test:25", null, "smtp.shop.test", 25 },
        { " 10.0.0.2:6379 ", null, "10.0.0.2", 6379 },
        { "[::1]:6379", null, "::1", 6379 },
        { "[fe80::1]", 53, "fe80::1", 53 },
        { "fe80::1", 53, "fe80::1", 53 },
        { "10.0.0.2", 53, "10.0.0.2", 53 },
        { "dns.shop.test:5353", 53, "dns.shop.test", 5353 },
    };

    [Theory]
    [MemberData(nameof(HostPorts))]
    public void Parses_host_and_port(string text, int? defaultPort, string host, int port)
    {
        var parsed = HostPort.TryParse(text, defaultPort, "x:1", out var value, out var problem);

        Assert.True(parsed, $"'{text}': expected {host} port {port}, got the problem {problem}");
        Assert.Equal(new HostPort(host, port), value);
    }

    [Fact]
    public void Writes_IPv6_addresses_back_in_brackets()
    {
        Assert.Equal(["[::1]:6379", "redis.shop.test:6379"],
            [new HostPort("::1", 6379).ToString(), new HostPort("redis.shop.test", 6379).ToString()]);
    }

    public static TheoryData<string, string> Escapes => new()
    {
        { "PING", "PING" },
        { "PING\\r\\n", "PING\r\n" },
        { "a\\tb\\0c", "a\tb\0c" },
        { "C:\\\\temp", "C:\\temp" },
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public void Unescapes_what_line_protocols_need(string written, string sent)
    {
        var unescaped = EscapedText.Unescape(written, out var problem);

        Assert.True(sent == unescaped && problem is null, $"'{written}': expected '{sent}', got '{unescaped}' ({problem})");
    }

    [Fact]
    public void Refuses_a_trailing_backslash()
    {
        Assert.Null(EscapedText.Unescape("PING\\", out var problem));
        Assert.Equal("'\\' in 'PING\\' is not an escape (write \\n, \\r, \\t, \\0, or \\\\ for a backslash)", problem);
    }

    public static TheoryData<string, string, string> Shown => new()
    {
        { "a banner with its line end", "220 smtp.shop.test ESMTP\r\n", "220 smtp.shop.test ESMTP" },
        { "several lines", "+OK\r\n-ERR unknown\r\n", "+OK\\r\\n-ERR unknown" },
        { "binary bytes", "\u0001\u0002ok", "\\x01\\x02ok" },
        { "a long page", new string('x', 250), new string('x', 200) + "… (250 characters)" },
    };

    [Theory]
    [MemberData(nameof(Shown))]
    public void Shows_an_answer_in_one_line_of_at_most_200_characters(string because, string answer, string expected)
    {
        var shown = EscapedText.Show(answer);

        Assert.True(expected == shown, $"{because}: expected '{expected}', got '{shown}'");
    }
}
