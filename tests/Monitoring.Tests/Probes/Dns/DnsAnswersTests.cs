using System.Net;
using DnsClient;
using DnsClient.Protocol;
using Monitoring.Probes.DnsLookup;

namespace Monitoring.Tests.Probes.DnsLookup;

/// <summary>Each record type shows as the value a user would write in <c>answer_contains</c>, nothing more.</summary>
public sealed class DnsAnswersTests
{
    private static ResourceRecordInfo Info(ResourceRecordType type) => new("shop.test.", type, QueryClass.IN, 300, 0);

    private static DnsString Name(string name) => DnsString.Parse(name);

    public static TheoryData<string, DnsResourceRecord, string> Records => new()
    {
        { "A", new ARecord(Info(ResourceRecordType.A), IPAddress.Parse("10.0.0.5")), "10.0.0.5" },
        { "AAAA", new AaaaRecord(Info(ResourceRecordType.AAAA), IPAddress.Parse("2001:db8::5")), "2001:db8::5" },
        { "CNAME", new CNameRecord(Info(ResourceRecordType.CNAME), Name("cdn.shop.test")), "cdn.shop.test." },
        { "MX", new MxRecord(Info(ResourceRecordType.MX), 10, Name("mail.shop.test")), "10 mail.shop.test." },
        { "TXT in two strings", new TxtRecord(Info(ResourceRecordType.TXT), ["v=spf1 ", "-all"], ["v=spf1 ", "-all"]), "v=spf1 -all" },
        { "NS", new NsRecord(Info(ResourceRecordType.NS), Name("ns1.shop.test")), "ns1.shop.test." },
        { "PTR", new PtrRecord(Info(ResourceRecordType.PTR), Name("shop.test")), "shop.test." },
        { "SRV", new SrvRecord(Info(ResourceRecordType.SRV), 10, 5, 5060, Name("sip.shop.test")), "10 5 5060 sip.shop.test." },
        {
            "SOA", new SoaRecord(Info(ResourceRecordType.SOA), Name("ns1.shop.test"), Name("hostmaster.shop.test"), 2026112301, 3600, 600, 86400, 300),
            "ns1.shop.test. hostmaster.shop.test. 2026112301 3600 600 86400 300"
        },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void Shows_the_value_of_each_record_type(string because, DnsResourceRecord record, string expected)
    {
        var text = DnsAnswers.Text(record);

        Assert.True(expected == text, $"{because}: expected '{expected}', got '{text}'");
    }

    [Fact]
    public void Shows_many_answers_cut_to_one_line()
    {
        var answers = Enumerable.Range(1, 40).Select(i => $"10.0.0.{i}").ToList();

        var shown = DnsAnswers.Show(answers);

        Assert.StartsWith("[10.0.0.1, 10.0.0.2, ", shown);
        Assert.EndsWith("… (429 characters)]", shown);
    }
}
