using System.Net;
using System.Text.RegularExpressions;
using DnsClient;
using Monitoring.Checks.Yaml;
using Monitoring.Probes.Tcp;

namespace Monitoring.Probes.DnsLookup;

/// <summary>
/// Settings of a <c>dns</c> probe: one query and what its response must hold. A shop is down for every buyer when its
/// name stops resolving, whatever the web servers do, so the name is watched on its own.
/// </summary>
public sealed partial class DnsProbeSettings : IProbeSettings, IReadsFromConfig<DnsProbeSettings>
{
    public static readonly IReadOnlyList<QueryType> RecordTypes =
    [
        QueryType.A, QueryType.AAAA, QueryType.CNAME, QueryType.MX, QueryType.TXT,
        QueryType.NS, QueryType.SOA, QueryType.SRV, QueryType.PTR,
    ];

    /// <summary>Dot-separated labels of letters, digits, '-' and '_' (for <c>_sip._tcp</c>, <c>_dmarc</c>), as RFC 1035 sizes them.</summary>
    [GeneratedRegex(@"^(?=.{1,253}\.?$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$")]
    private static partial Regex NamePattern();

    /// <summary>The name as written; for PTR it may be an IP address.</summary>
    public required string Name { get; init; }

    /// <summary>The name actually asked: <see cref="Name"/>, or its <c>in-addr.arpa</c> form for a PTR of an address.</summary>
    public string QueryName => RecordType == QueryType.PTR && IPAddress.TryParse(Name, out var address) ? address.GetArpaName() : Name;

    public QueryType RecordType { get; init; } = QueryType.A;

    /// <summary>The resolver to ask (port 53 unless given); null for the system's resolvers.</summary>
    public HostPort? Resolver { get; init; }

    public DnsHeaderResponseCode ExpectedRcode { get; init; } = DnsHeaderResponseCode.NoError;

    /// <summary>The fewest records of <see cref="RecordType"/> the answer may hold; by default 1 for NOERROR, else 0.</summary>
    public int AnswersMin { get; init; } = 1;

    /// <summary>Text that at least one record's value must contain, ignoring case (an IP, a host name); null to accept any.</summary>
    public string? AnswerContains { get; init; }

    public string Target => Resolver is null ? $"{Name} {RecordType}" : $"{Name} {RecordType} @{Resolver}";

    public static DnsProbeSettings? Read(ConfigNode node)
    {
        var name = node.RequiredString("name");
        if (name is not null && !NamePattern().IsMatch(name) && !IPAddress.TryParse(name, out _))
        {
            node.Child("name")!.Error(
                $"'{name}' is not a DNS name (write e.g. shop.example.com: dot-separated labels of letters, digits, '-' and '_')");
            name = null;
        }

        var recordType = QueryType.A;
        var typeText = node.String("record_type")?.Trim();
        if (typeText is not null)
        {
            var known = RecordTypes.Where(t => t.ToString().Equals(typeText, StringComparison.OrdinalIgnoreCase)).ToList();
            if (known.Count == 0)
                node.Child("record_type")!.Error($"'{typeText}' is not a record type (write one of {string.Join(", ", RecordTypes)})");
            else
                recordType = known[0];
        }
        if (name is not null && IPAddress.TryParse(name, out _) && recordType != QueryType.PTR)
        {
            node.Child("name")!.Error(
                $"'{name}' is an IP address, which only a PTR query can ask for (write record_type: PTR, or a host name)");
            name = null;
        }

        HostPort? resolver = null;
        var resolverText = node.String("resolver");
        if (resolverText is not null && !HostPort.TryParse(resolverText, 53, "10.0.0.2:53", out resolver, out var problem))
            node.Child("resolver")!.Error(problem!);

        var (rcode, answersMin, contains) = ReadExpect(node.Child("expect"));
        return name is null
            ? null
            : new DnsProbeSettings
            {
                Name = name,
                RecordType = recordType,
                Resolver = resolver,
                ExpectedRcode = rcode,
                AnswersMin = answersMin,
                AnswerContains = contains,
            };
    }

    private static (DnsHeaderResponseCode Rcode, int AnswersMin, string? Contains) ReadExpect(ConfigNode? expect)
    {
        if (expect is null || !expect.ExpectMapping()) return (DnsHeaderResponseCode.NoError, 1, null);

        var rcode = DnsHeaderResponseCode.NoError;
        var rcodeText = expect.String("rcode");
        if (rcodeText is not null)
        {
            if (DnsRcodes.ByName.TryGetValue(rcodeText.Trim().ToUpperInvariant(), out var known))
                rcode = known;
            else
                expect.Child("rcode")!.Error(
                    $"'{rcodeText}' is not a DNS response code (write one of {string.Join(", ", DnsRcodes.ByName.Keys)})");
        }
        // Only a NOERROR response carries answers: asking for some with another rcode could never pass.
        var never = rcode == DnsHeaderResponseCode.NoError
            ? null
            : $"can never hold with rcode {DnsRcodes.NameOf(rcode)}, which has no answers";

        var answersMin = rcode == DnsHeaderResponseCode.NoError ? 1 : 0;
        if (expect.Int("answers_min") is { } min)
        {
            if (min < 0)
                expect.Child("answers_min")!.Error($"'{min}' is not a number of answers (write 0 or more)");
            else if (min > 0 && never is not null)
                expect.Child("answers_min")!.Error($"'{min}' {never} (write 0 or leave it out)");
            else
                answersMin = min;
        }

        var contains = expect.String("answer_contains");
        if (contains is { Length: 0 })
        {
            expect.Child("answer_contains")!.Error(
                "'' is no text (write the text one answer must contain, like '10.0.0.5', or leave it out)");
            contains = null;
        }
        else if (contains is not null && never is not null)
        {
            expect.Child("answer_contains")!.Error($"'{contains}' {never} (leave answer_contains out)");
            contains = null;
        }

        expect.RejectUnknownKeys();
        return (rcode, answersMin, contains);
    }

    /// <summary>Every expectation the response failed, each saying what was expected and what came, with the class of
    /// the first: an error rcode or no record at all is a DNS failure; a wrong but present answer is an assertion.</summary>
    public (FailureClass Failure, IReadOnlyList<string> Messages) FailedExpectations(
        DnsHeaderResponseCode rcode, IReadOnlyList<string> answers)
    {
        if (rcode != ExpectedRcode)
        {
            var failure = rcode == DnsHeaderResponseCode.NoError ? FailureClass.Assertion : FailureClass.Dns;
            return (failure, [$"rcode: expected {DnsRcodes.NameOf(ExpectedRcode)}, got {DnsRcodes.NameOf(rcode)}"]);
        }

        var messages = new List<string>();
        var failureClass = FailureClass.None;
        if (answers.Count < AnswersMin)
        {
            failureClass = answers.Count == 0 ? FailureClass.Dns : FailureClass.Assertion;
            messages.Add($"answers: expected at least {AnswersMin} {RecordType} record{(AnswersMin == 1 ? "" : "s")}, got {answers.Count}");
        }
        if (AnswerContains is { } text && !answers.Any(a => a.Contains(text, StringComparison.OrdinalIgnoreCase)))
        {
            if (failureClass == FailureClass.None) failureClass = FailureClass.Assertion;
            messages.Add($"answers: expected one containing '{text}', got {DnsAnswers.Show(answers)}");
        }
        return (failureClass, messages);
    }
}
