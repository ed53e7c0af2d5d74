using System.Text.Json;
using DnsClient;
using Monitoring.Checks;
using Monitoring.Probes;
using Monitoring.Probes.DnsLookup;

// Not "…Probes.Dns": that namespace would hide System.Net.Dns from the other probe tests.
namespace Monitoring.Tests.Probes.DnsLookup;

/// <summary>A dns probe reads from YAML exactly what it says, and every mistake gets a message that says how to fix it.</summary>
public sealed class DnsProbeSettingsTests
{
    private static (CheckSet? Checks, IReadOnlyList<ConfigError> Errors) Load(string yaml)
    {
        using var folder = new TempChecksFolder(("probes/x.yaml", yaml));
        return new CheckSetLoader([ProbeKind.Create<DnsProbe, DnsProbeSettings>("dns")], VariableExpander.FromEnvironment())
            .Load(folder.Checks);
    }

    private static string Probe(string lines) => "probes:\n  - id: shop-name\n    kind: dns\n" + lines;

    /// <summary>What the settings hold, as one comparable line.</summary>
    private static string Describe(DnsProbeSettings s) =>
        $"{s.Target} | query {s.QueryName} | rcode {DnsRcodes.NameOf(s.ExpectedRcode)} | min {s.AnswersMin} | contains {s.AnswerContains ?? "-"}";

    public static TheoryData<string, string, string> ValidProbes => new()
    {
        { "the defaults", "    name: shop.test\n", "shop.test A | query shop.test | rcode NOERROR | min 1 | contains -" },
        {
            "every key",
            "    name: shop.test.\n    record_type: aaaa\n    resolver: 127.0.0.1:5353\n    expect:\n      rcode: noerror\n      answers_min: 2\n      answer_contains: '2001:db8::'\n",
            "shop.test. AAAA @127.0.0.1:5353 | query shop.test. | rcode NOERROR | min 2 | contains 2001:db8::"
        },
        {
            "a resolver on the default port",
            "    name: _sip._tcp.shop.test\n    record_type: SRV\n    resolver: dns.shop.test\n",
            "_sip._tcp.shop.test SRV @dns.shop.test:53 | query _sip._tcp.shop.test | rcode NOERROR | min 1 | contains -"
        },
        {
            "a name that must not exist needs no answer",
            "    name: old.shop.test\n    expect:\n      rcode: NXDOMAIN\n",
            "old.shop.test A | query old.shop.test | rcode NXDOMAIN | min 0 | contains -"
        },
        {
            "a reverse lookup of an address",
            "    name: 10.0.0.5\n    record_type: PTR\n    resolver: '[::1]:53'\n",
            "10.0.0.5 PTR @[::1]:53 | query 5.0.0.10.in-addr.arpa. | rcode NOERROR | min 1 | contains -"
        },
    };

    [Theory]
    [MemberData(nameof(ValidProbes))]
    public void Reads_what_the_yaml_says(string because, string lines, string expected)
    {
        var (checks, errors) = Load(Probe(lines));

        Assert.True(errors.Count == 0, $"{because}: expected no errors, got {string.Join(" | ", errors)}");
        var actual = Describe(Assert.IsType<DnsProbeSettings>(Assert.Single(checks!.Probes).Settings));
        Assert.True(expected == actual, $"{because}: expected\n  {expected}\nbut got\n  {actual}");
    }

    public static TheoryData<string, string, string> BrokenProbes => new()
    {
        { "no name", "    record_type: A\n", "checks/probes/x.yaml:2 probes[0].name: required" },
        {
            "a URL for a name", "    name: https://shop.test/\n",
            "checks/probes/x.yaml:4 probes[0].name: 'https://shop.test/' is not a DNS name (write e.g. shop.example.com: dot-separated labels of letters, digits, '-' and '_')"
        },
        {
            "an address without PTR", "    name: 10.0.0.5\n",
            "checks/probes/x.yaml:4 probes[0].name: '10.0.0.5' is an IP address, which only a PTR query can ask for (write record_type: PTR, or a host name)"
        },
        {
            "an unknown record type", "    name: shop.test\n    record_type: AAA\n",
            "checks/probes/x.yaml:5 probes[0].record_type: 'AAA' is not a record type (write one of A, AAAA, CNAME, MX, TXT, NS, SOA, SRV, PTR)"
        },
        {
            "a resolver URL", "    name: shop.test\n    resolver: udp://1.1.1.1:53\n",
            "checks/probes/x.yaml:5 probes[0].resolver: 'udp://1.1.1.1:53' is a URL (write host:port, like 10.0.0.2:53)"
        },
        {
            "a resolver port out of range", "    name: shop.test\n    resolver: 10.0.0.2:99999\n",
            "checks/probes/x.yaml:5 probes[0].resolver: '10.0.0.2:99999' has no valid port: '99999' (write a port from 1 to 65535, like 10.0.0.2:53)"
        },
        {
            "an unknown rcode", "    name: shop.test\n    expect:\n      rcode: NOTFOUND\n",
            "checks/probes/x.yaml:6 probes[0].expect.rcode: 'NOTFOUND' is not a DNS response code (write one of NOERROR, FORMERR, SERVFAIL, NXDOMAIN, NOTIMP, REFUSED, YXDOMAIN, YXRRSET, NXRRSET, NOTAUTH, NOTZONE)"
        },
        {
            "a negative answer count", "    name: shop.test\n    expect:\n      answers_min: -1\n",
            "checks/probes/x.yaml:6 probes[0].expect.answers_min: '-1' is not a number of answers (write 0 or more)"
        },
        {
            "a count that is not a number", "    name: shop.test\n    expect:\n      answers_min: some\n",
            "checks/probes/x.yaml:6 probes[0].expect.answers_min: 'some' is not a whole number"
        },
        {
            "answers from a name that must not exist", "    name: old.shop.test\n    expect:\n      rcode: NXDOMAIN\n      answers_min: 1\n",
            "checks/probes/x.yaml:7 probes[0].expect.answers_min: '1' can never hold with rcode NXDOMAIN, which has no answers (write 0 or leave it out)"
        },
        {
            "an answer from a failing name", "    name: old.shop.test\n    expect:\n      rcode: SERVFAIL\n      answer_contains: 10.0.0.5\n",
            "checks/probes/x.yaml:7 probes[0].expect.answer_contains: '10.0.0.5' can never hold with rcode SERVFAIL, which has no answers (leave answer_contains out)"
        },
        {
            "empty expected text", "    name: shop.test\n    expect:\n      answer_contains: ''\n",
            "checks/probes/x.yaml:6 probes[0].expect.answer_contains: '' is no text (write the text one answer must contain, like '10.0.0.5', or leave it out)"
        },
        {
            "a misspelt expectation", "    name: shop.test\n    expect:\n      answer_contain: 10.0.0.5\n",
            "checks/probes/x.yaml:6 probes[0].expect.answer_contain: unknown key (did you mean 'answer_contains'?)"
        },
        {
            "a misspelt record type", "    name: shop.test\n    recordtype: A\n",
            "checks/probes/x.yaml:5 probes[0].recordtype: unknown key (did you mean 'record_type'?)"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenProbes))]
    public void Reports_the_file_line_path_and_problem(string because, string lines, string expected)
    {
        var (checks, errors) = Load(Probe(lines));

        var actual = string.Join("\n", errors);
        Assert.Null(checks);
        Assert.True(actual == expected, $"{because}: expected\n  {expected}\nbut got\n  {actual.Replace("\n", "\n  ")}");
    }

    public static TheoryData<string, string, DnsHeaderResponseCode, string[], FailureClass, string> Responses => new()
    {
        { "an address", "", DnsHeaderResponseCode.NoError, ["10.0.0.5"], FailureClass.None, "" },
        { "the expected address among others", "10.0.0.5", DnsHeaderResponseCode.NoError, ["10.0.0.4", "10.0.0.5"], FailureClass.None, "" },
        {
            "a name that does not exist", "", DnsHeaderResponseCode.NotExistentDomain, [], FailureClass.Dns,
            "rcode: expected NOERROR, got NXDOMAIN"
        },
        { "a failing server", "", DnsHeaderResponseCode.ServerFailure, [], FailureClass.Dns, "rcode: expected NOERROR, got SERVFAIL" },
        { "no record of the type", "", DnsHeaderResponseCode.NoError, [], FailureClass.Dns, "answers: expected at least 1 A record, got 0" },
        {
            "another address", "10.0.0.5", DnsHeaderResponseCode.NoError, ["93.184.215.14"], FailureClass.Assertion,
            "answers: expected one containing '10.0.0.5', got [93.184.215.14]"
        },
        {
            "nothing where an address was expected", "10.0.0.5", DnsHeaderResponseCode.NoError, [], FailureClass.Dns,
            "answers: expected at least 1 A record, got 0; answers: expected one containing '10.0.0.5', got []"
        },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public void Says_what_was_expected_and_what_came(
        string because, string contains, DnsHeaderResponseCode rcode, string[] answers, FailureClass failure, string message)
    {
        var settings = new DnsProbeSettings { Name = "shop.test", AnswerContains = contains.Length == 0 ? null : contains };

        var (actualFailure, messages) = settings.FailedExpectations(rcode, answers);

        var actual = (actualFailure, string.Join("; ", messages));
        Assert.True((failure, message) == actual, $"{because}: expected {(failure, message)}, got {actual}");
    }

    [Fact]
    public void Says_how_many_records_were_expected_and_of_which_type()
    {
        var settings = new DnsProbeSettings { Name = "shop.test", RecordType = QueryType.MX, AnswersMin = 2 };

        var (failure, messages) = settings.FailedExpectations(DnsHeaderResponseCode.NoError, ["10 mail.shop.test."]);

        Assert.Equal((FailureClass.Assertion, "answers: expected at least 2 MX records, got 1"), (failure, Assert.Single(messages)));
    }

    [Fact]
    public void Reports_a_name_that_exists_when_it_should_not_as_an_assertion()
    {
        var settings = new DnsProbeSettings { Name = "old.shop.test", ExpectedRcode = DnsHeaderResponseCode.NotExistentDomain, AnswersMin = 0 };

        var (failure, messages) = settings.FailedExpectations(DnsHeaderResponseCode.NoError, ["10.0.0.5"]);

        Assert.Equal((FailureClass.Assertion, "rcode: expected NXDOMAIN, got NOERROR"), (failure, Assert.Single(messages)));
    }

    [Fact]
    public void Serialises_as_the_probe_store_does()
    {
        var (checks, _) = Load(Probe("    name: 10.0.0.5\n    record_type: PTR\n    resolver: 127.0.0.1:5353\n"));
        var settings = Assert.Single(checks!.Probes).Settings;

        var json = JsonSerializer.Serialize(settings, settings.GetType(), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Contains("\"queryName\":\"5.0.0.10.in-addr.arpa.\"", json);
        Assert.Contains("\"resolver\":{\"host\":\"127.0.0.1\",\"port\":5353}", json);
    }
}
