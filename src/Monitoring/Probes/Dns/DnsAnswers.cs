using DnsClient.Protocol;
using Monitoring.Probes.Tcp;

namespace Monitoring.Probes.DnsLookup;

/// <summary>
/// Answer records as the text <c>answer_contains</c> matches and messages show: the record's value only, without name,
/// TTL and class, so that <c>10.0.0.5</c> or <c>mail.shop.test</c> is what a user writes and reads.
/// </summary>
public static class DnsAnswers
{
    /// <summary>The value of one record: an address, a host name, <c>10 mail.shop.test.</c> for MX, the joined text of a TXT.</summary>
    public static string Text(DnsResourceRecord record) => record switch
    {
        ARecord a => a.Address.ToString(),
        AaaaRecord aaaa => aaaa.Address.ToString(),
        // A TXT record is a list of strings that consumers (SPF, DMARC, site verification) read concatenated.
        TxtRecord txt => string.Concat(txt.Text),
        CNameRecord cname => cname.CanonicalName.Value,
        MxRecord mx => $"{mx.Preference} {mx.Exchange.Value}",
        NsRecord ns => ns.NSDName.Value,
        PtrRecord ptr => ptr.PtrDomainName.Value,
        SrvRecord srv => $"{srv.Priority} {srv.Weight} {srv.Port} {srv.Target.Value}",
        SoaRecord soa => $"{soa.MName.Value} {soa.RName.Value} {soa.Serial} {soa.Refresh} {soa.Retry} {soa.Expire} {soa.Minimum}",
        _ => record.ToString(),
    };

    /// <summary>The values as one bracketed list for a message, cut like any answer that would not fit one line.</summary>
    public static string Show(IReadOnlyList<string> answers) => $"[{EscapedText.Show(string.Join(", ", answers))}]";
}
