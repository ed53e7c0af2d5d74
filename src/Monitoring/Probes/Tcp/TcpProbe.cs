using System.Net;
using System.Net.Sockets;
using System.Text;
using Monitoring.Checks;

namespace Monitoring.Probes.Tcp;

/// <summary>
/// Opens one TCP connection, optionally sends a line and reads until the answer contains the expected text. Covers the
/// shop's dependencies that speak no HTTP (SMTP relay, Redis, ERP gateway), the way blackbox_exporter's tcp prober does.
/// </summary>
public sealed class TcpProbe(TimeProvider time) : IProbe
{
    /// <summary>Most of an answer read while looking for the expected text; a banner is far shorter.</summary>
    private const int MaxAnswerBytes = 64 * 1024;

    public async Task<ProbeResult> RunAsync(ProbeDefinition probe, CancellationToken cancellationToken)
    {
        var settings = (TcpProbeSettings)probe.Settings;
        var target = settings.Target;
        using var run = ProbeRun.Start(probe, time, cancellationToken);
        var step = "resolve";
        using var answer = new MemoryStream();

        try
        {
            var host = settings.Address.Host;
            IPAddress[] addresses = IPAddress.TryParse(host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, run.Deadline);
            run.Mark("resolve");
            if (addresses.Length == 0)
                return run.Fail(FailureClass.Dns, $"dns: '{host}' has no IP address");

            step = "connect";
            var (socket, refusal) = await ConnectAsync(addresses, settings.Address.Port, run.Deadline);
            using var connection = socket;
            run.Mark("connect");
            if (connection is null)
                return run.Fail(FailureClass.Connect, $"connect: {refusal!.Value.Error} to {target}" +
                    (literal is null ? $" ({refusal.Value.Address})" : ""));

            if (settings.Send is { } send)
            {
                step = "send";
                await connection.SendAsync(Encoding.UTF8.GetBytes(send), SocketFlags.None, run.Deadline);
            }

            if (settings.ExpectContains is { } expected)
            {
                step = "answer";
                if (!await ReadUntilAsync(connection, expected, answer, run.Deadline))
                    return NotContained(expected, answer, run);
            }

            var latency = run.Elapsed;
            if (settings.FailedLatency(latency) is { } slow)
                return run.Fail(FailureClass.Latency, slow);
            var summary = settings.ExpectContains is { } found
                ? $"answer containing '{EscapedText.Show(found)}' from {target}"
                : $"connected to {target}";
            return run.Result(ProbeOutcome.Pass, $"{summary} in {Durations.Format(latency)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var within = Durations.Format(probe.Timeout);
            var awaited = settings.ExpectContains is { } text ? EscapedText.Show(text) : "";
            return step switch
            {
                "resolve" => run.Fail(FailureClass.Timeout, $"timeout: could not resolve '{settings.Address.Host}' within {within}"),
                "connect" => run.Fail(FailureClass.Timeout, $"timeout: no connection to {target} within {within}"),
                "send" => run.Fail(FailureClass.Timeout, $"timeout: could not send to {target} within {within}"),
                _ when answer.Length > 0 => NotContained(settings.ExpectContains!, answer, run),
                _ => run.Fail(FailureClass.Timeout, $"timeout: no answer from {target} within {within} (expected one containing '{awaited}')"),
            };
        }
        catch (SocketException e) when (step == "resolve")
        {
            return run.Fail(FailureClass.Dns, $"dns: could not resolve '{settings.Address.Host}' ({e.SocketErrorCode})");
        }
        catch (SocketException) when (step == "answer" && answer.Length > 0)
        {
            return NotContained(settings.ExpectContains!, answer, run);
        }
        catch (SocketException e)
        {
            var doing = step == "send" ? "sending" : "waiting for the answer";
            return run.Fail(FailureClass.Connect, $"connect: {e.SocketErrorCode} from {target} while {doing}");
        }
    }

    /// <summary>Tries each address in turn, as a browser would; returns the last refusal when none accepts.</summary>
    private static async Task<(Socket? Socket, (SocketError Error, IPAddress Address)? Refusal)> ConnectAsync(
        IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        (SocketError, IPAddress)? refusal = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return (socket, null);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                refusal = (e.SocketErrorCode, address);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        return (null, refusal);
    }

    /// <summary>Reads until the answer contains <paramref name="expected"/> (true), or the server closes the connection
    /// or sends more than <see cref="MaxAnswerBytes"/> without it (false). The deadline ends the wait otherwise.</summary>
    private static async Task<bool> ReadUntilAsync(
        Socket connection, string expected, MemoryStream answer, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (answer.Length < MaxAnswerBytes)
        {
            var read = await connection.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0) return false;
            answer.Write(buffer, 0, read);
            if (Decode(answer).Contains(expected, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The answer came but lacks the expected text: wrong, not slow, even when it ended at the deadline.</summary>
    private static ProbeResult NotContained(string expected, MemoryStream answer, ProbeRun run)
    {
        var got = answer.Length == 0 ? "nothing before the server closed the connection" : $"'{EscapedText.Show(Decode(answer))}'";
        return run.Fail(FailureClass.Assertion, $"answer: expected to contain '{EscapedText.Show(expected)}', got {got}");
    }

    private static string Decode(MemoryStream answer) => Encoding.UTF8.GetString(answer.GetBuffer(), 0, (int)answer.Length);
}
