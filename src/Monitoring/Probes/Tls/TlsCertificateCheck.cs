using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Monitoring.Probes.Tls;

/// <summary>One thing wrong with a presented certificate. <see cref="IsDown"/> false means it only degrades the run.</summary>
public sealed record TlsFinding(string Message, FailureClass Failure, bool IsDown = true);

/// <summary>
/// Judges the certificate a server presented, apart from the network so that it can be tested with a fixed clock:
/// validity dates, the chain (against the system's roots and the probe's <c>trusted_ca</c>), the name, and the
/// days left against the probe's thresholds. Findings come in that order, so the first says why clients fail.
/// </summary>
public static class TlsCertificateCheck
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    /// <summary>Finds every problem of <paramref name="leaf"/>, built into a chain with the certificates the server sent
    /// after it (<paramref name="sent"/>), at the time <paramref name="now"/>.</summary>
    public static IReadOnlyList<TlsFinding> Check(
        TlsProbeSettings settings, X509Certificate2 leaf, X509Certificate2Collection sent, DateTimeOffset now)
    {
        var findings = Validity(new DateTimeOffset(leaf.NotBefore.ToUniversalTime()), ExpiresAt(leaf), now).ToList();
        if (settings.ValidChain)
        {
            if (ChainProblem(settings, leaf, sent, now) is { } chain)
                findings.Add(new($"chain: {chain}", FailureClass.Tls));
            var name = settings.EffectiveServerName;
            // Like browsers, only the subject alternative names count: the common name is ignored when matching.
            if (!leaf.MatchesHostname(name, allowWildcards: true, allowCommonName: false))
                findings.Add(new($"name: certificate is for {Names(leaf)}, expected '{name}'", FailureClass.Tls));
        }
        if (DaysLeft(settings, ExpiresAt(leaf), now) is { } daysLeft)
            findings.Add(daysLeft);
        return findings;
    }

    /// <summary>A certificate outside its validity dates: every validating client refuses it, so these are TLS
    /// failures, not thresholds.</summary>
    public static IEnumerable<TlsFinding> Validity(DateTimeOffset notBefore, DateTimeOffset notAfter, DateTimeOffset now)
    {
        if (now < notBefore)
            yield return new($"certificate: not valid before {Timestamp(notBefore)}", FailureClass.Tls);
        if (notAfter <= now)
            yield return new($"certificate: expired {Days(now - notAfter)} ago ({Timestamp(notAfter)})", FailureClass.Tls);
    }

    /// <summary>The days left against the thresholds: fewer than <c>min_days_left</c> fails, fewer than
    /// <c>min_days_left_degraded</c> degrades; null when enough are left (or when already expired, see <see cref="Validity"/>).</summary>
    public static TlsFinding? DaysLeft(TlsProbeSettings settings, DateTimeOffset notAfter, DateTimeOffset now)
    {
        var left = notAfter - now;
        if (left <= TimeSpan.Zero) return null;
        if (left < TimeSpan.FromDays(settings.MinDaysLeft))
            return new(ExpiresIn(left, notAfter, settings.MinDaysLeft), FailureClass.Assertion);
        if (left < TimeSpan.FromDays(settings.MinDaysLeftDegraded))
            return new(ExpiresIn(left, notAfter, settings.MinDaysLeftDegraded), FailureClass.Assertion, IsDown: false);
        return null;
    }

    /// <summary>When the certificate expires, in UTC; certificates carry whole seconds.</summary>
    public static DateTimeOffset ExpiresAt(X509Certificate2 certificate) => new(certificate.NotAfter.ToUniversalTime());

    /// <summary>Whole days, rounded down, in words: <c>less than a day</c>, <c>1 day</c>, <c>89 days</c>.</summary>
    public static string Days(TimeSpan span) => (int)Math.Floor(span.TotalDays) switch
    {
        0 => "less than a day",
        1 => "1 day",
        var n => $"{n} days",
    };

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string ExpiresIn(TimeSpan left, DateTimeOffset notAfter, int expected) =>
        $"certificate: expires in {Days(left)} ({Timestamp(notAfter)}), expected at least {(expected == 1 ? "1 day" : $"{expected} days")}";

    /// <summary>
    /// Null when the chain ends at a system root or, failing that, at one of <c>trusted_ca</c>. Two builds rather than
    /// one: <see cref="X509ChainTrustMode.CustomRootTrust"/> trusts only its own store, and copying the system roots
    /// into it would depend on how each platform exposes them.
    /// </summary>
    private static string? ChainProblem(TlsProbeSettings settings, X509Certificate2 leaf, X509Certificate2Collection sent, DateTimeOffset now)
    {
        var system = Build(leaf, sent, now, customRoots: null);
        if (system is null || settings.TrustedCa.Count == 0) return system?.ToString();
        var custom = Build(leaf, sent, now, settings.TrustedCa);
        if (custom is null) return null;
        // When the chain does not reach trusted_ca either, the system's view says more (an expired intermediate, say).
        return custom.Flags.All(f => f is X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain)
            ? system.ToString()
            : custom.ToString();
    }

    /// <summary>The chain's status flags and the issuer it stopped at: for an untrusted root, the root; for a partial
    /// chain, the certificate that is missing (an intermediate the server should send, or an unknown root).</summary>
    private sealed record ChainFailure(IReadOnlyList<X509ChainStatusFlags> Flags, string Issuer)
    {
        public override string ToString() => Flags.Contains(X509ChainStatusFlags.PartialChain)
            ? $"{string.Join(", ", Flags)} (issuer '{Issuer}' neither sent by the server nor trusted)"
            : $"{string.Join(", ", Flags)} (issuer '{Issuer}')";
    }

    private static ChainFailure? Build(X509Certificate2 leaf, X509Certificate2Collection sent, DateTimeOffset now,
        X509Certificate2Collection? customRoots)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.RevocationMode = X509RevocationMode.NoCheck;
        // Only what the server sends counts: many clients fetch no missing intermediates, and a probe does no network
        // I/O outside its deadline.
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = now.UtcDateTime;
        policy.ApplicationPolicy.Add(ServerAuthentication);
        policy.ExtraStore.AddRange(sent);
        if (customRoots is not null)
        {
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.CustomTrustStore.AddRange(customRoots);
        }

        try
        {
            chain.Build(leaf);
            var elements = chain.ChainElements.ToList();
            var byElement = elements
                .SelectMany((e, i) => e.ChainElementStatus
                    .Select(s => s.Status)
                    // The leaf's own dates are reported with their days, above.
                    .Where(s => !(i == 0 && s == X509ChainStatusFlags.NotTimeValid)))
                .ToHashSet();
            var elementFlags = elements.SelectMany(e => e.ChainElementStatus.Select(s => s.Status)).ToHashSet();
            var chainOnly = chain.ChainStatus.Select(s => s.Status).Where(s => !elementFlags.Contains(s));
            var flags = byElement.Concat(chainOnly).Where(s => s != X509ChainStatusFlags.NoError).Distinct().Order().ToList();
            return flags.Count == 0 ? null : new ChainFailure(flags, elements.Count > 0 ? elements[^1].Certificate.Issuer : leaf.Issuer);
        }
        finally
        {
            foreach (var element in chain.ChainElements) element.Certificate.Dispose();
        }
    }

    private static string Names(X509Certificate2 leaf)
    {
        var raw = leaf.Extensions["2.5.29.17"];
        var alternative = raw is null ? null : new X509SubjectAlternativeNameExtension(raw.RawData, raw.Critical);
        var names = alternative is null
            ? []
            : alternative.EnumerateDnsNames().Concat(alternative.EnumerateIPAddresses().Select(a => a.ToString())).ToList();
        return names.Count == 0
            ? $"'{leaf.Subject}' (no subject alternative names; clients ignore the common name)"
            : $"'{leaf.Subject}' ({string.Join(", ", names)})";
    }
}
