using System.Net;
using System.Net.Sockets;
using DnsClient;
using Monitoring.Checks;
using Monitoring.Probes.Tcp;

// The folder is Dns/, but a namespace named Dns would hide System.Net.Dns from every other probe kind.
namespace Monitoring.Probes.DnsLookup;

/// <summary>
/// Asks one DNS question and checks the response code and the answers, as blackbox_exporter's dns prober does.
/// Nothing is cached and nothing is retried inside a run, so every run sees what a buyer's resolver would see now.
/// </summary>
public sealed class DnsProbe(TimeProvider time) : IProbe
{
    public async Task<ProbeResult> RunAsync(ProbeDefinition probe, CancellationToken cancellationToken)
    {
        var settings = (DnsProbeSettings)probe.Settings;
        using var run = ProbeRun.Start(probe, time, cancellationToken);
        var asked = settings.Resolver?.ToString() ?? "the system resolvers";
        var lookingUpResolver = true;

        try
        {
            var servers = await NameServersAsync(settings.Resolver, run.Deadline);
            if (servers.Count == 0)
                return run.Fail(FailureClass.Dns, "resolver: the system has no resolvers configured (write resolver: host[:port])");
            if (settings.Resolver is null) asked = $"the system resolvers ({string.Join(", ", servers)})";
            lookingUpResolver = false;

            var client = new LookupClient(new LookupClientOptions(servers.ToArray())
            {
                UseCache = false,
                Retries = 0,
                // The deadline token ends the query at the probe's timeout; this only keeps the library from ending it sooner.
                Timeout = probe.Timeout + TimeSpan.FromSeconds(1),
                ThrowDnsErrors = false,
                // The first resolver's verdict counts: asking the next one after NXDOMAIN would hide a broken resolver.
                ContinueOnDnsError = false,
                ContinueOnEmptyResponse = false,
            });
            var response = await client.QueryAsync(settings.QueryName, settings.RecordType, QueryClass.IN, run.Deadline);
            var resolved = run.Mark("resolve");

            var answers = response.Answers
                .Where(r => (int)r.RecordType == (int)settings.RecordType)
                .Select(DnsAnswers.Text)
                .ToList();
            var rcode = response.Header.ResponseCode;
            var (failure, messages) = settings.FailedExpectations(rcode, answers);
            if (messages.Count > 0)
                return run.Fail(failure, string.Join("; ", messages));

            var records = $"{answers.Count} {settings.RecordType} record{(answers.Count == 1 ? "" : "s")}";
            var shown = answers.Count > 0 ? " " + DnsAnswers.Show(answers) : "";
            return run.Result(ProbeOutcome.Pass,
                $"{DnsRcodes.NameOf(rcode)} with {records}{shown} in {Durations.Format(resolved)}");
        }
        catch (DnsResponseException) when (cancellationToken.IsCancellationRequested)
        {
            // DnsClient reports its own cancellation as a timeout; the caller's cancellation must still throw.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested &&
                                  e is OperationCanceledException or DnsResponseException { Code: DnsResponseCode.ConnectionTimeout })
        {
            var within = Durations.Format(probe.Timeout);
            return run.Fail(FailureClass.Timeout, lookingUpResolver
                ? $"timeout: could not resolve the resolver '{settings.Resolver!.Host}' within {within}"
                : $"timeout: no answer from {asked} within {within}");
        }
        catch (DnsResponseException e)
        {
            return run.Fail(FailureClass.Dns, $"dns: {e.Code} from {asked} ({e.Message})");
        }
        catch (SocketException e) when (lookingUpResolver)
        {
            return run.Fail(FailureClass.Dns, $"resolver: could not resolve '{settings.Resolver!.Host}' ({e.SocketErrorCode})");
        }
        catch (SocketException e)
        {
            return run.Fail(FailureClass.Dns, $"dns: {e.SocketErrorCode} from {asked}");
        }
    }

    /// <summary>The configured resolver (looked up when it is a host name), or the system's without any public
    /// fallback: a probe that silently asks 8.8.8.8 would watch the wrong thing.</summary>
    private static async Task<IReadOnlyList<NameServer>> NameServersAsync(HostPort? resolver, CancellationToken cancellationToken)
    {
        if (resolver is null)
            return NameServer.ResolveNameServers(skipIPv6SiteLocal: true, fallbackToGooglePublicDns: false).ToList();
        IPAddress[] addresses = IPAddress.TryParse(resolver.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(resolver.Host, cancellationToken);
        return addresses.Select(a => new NameServer(a, resolver.Port)).ToList();
    }
}
