using DnsClient;

namespace Monitoring.Probes.DnsLookup;

/// <summary>DNS response codes by their RFC mnemonic, the way dig prints them and people write them in YAML.</summary>
public static class DnsRcodes
{
    public static readonly IReadOnlyDictionary<string, DnsHeaderResponseCode> ByName = new Dictionary<string, DnsHeaderResponseCode>
    {
        ["NOERROR"] = DnsHeaderResponseCode.NoError,
        ["FORMERR"] = DnsHeaderResponseCode.FormatError,
        ["SERVFAIL"] = DnsHeaderResponseCode.ServerFailure,
        ["NXDOMAIN"] = DnsHeaderResponseCode.NotExistentDomain,
        ["NOTIMP"] = DnsHeaderResponseCode.NotImplemented,
        ["REFUSED"] = DnsHeaderResponseCode.Refused,
        ["YXDOMAIN"] = DnsHeaderResponseCode.ExistingDomain,
        ["YXRRSET"] = DnsHeaderResponseCode.ExistingResourceRecordSet,
        ["NXRRSET"] = DnsHeaderResponseCode.MissingResourceRecordSet,
        ["NOTAUTH"] = DnsHeaderResponseCode.NotAuthorized,
        ["NOTZONE"] = DnsHeaderResponseCode.NotZone,
    };

    /// <summary>The mnemonic, or <c>RCODE12</c> for the unassigned codes a broken server may still send.</summary>
    public static string NameOf(DnsHeaderResponseCode code) =>
        ByName.FirstOrDefault(r => r.Value == code).Key ?? $"RCODE{(int)code}";
}
