using System.Net;
using System.Net.Sockets;

namespace Monitoring.Benchmarks;

/// <summary>The HTTP server both probers probe: Debian's nginx when installed, else <see cref="KestrelTarget"/>.</summary>
public sealed record TargetServer(string Name, string BaseUrl, Child Process)
{
    /// <summary>A small page (about 1 KB), the size of a light storefront health page.</summary>
    public static readonly string Page =
        "<!doctype html><html><head><title>shopmon benchmark target</title></head><body><h1>Storefront</h1>" +
        string.Concat(Enumerable.Range(1, 12).Select(i => $"<p>Product {i}: nitrile gloves, box of 100, in stock.</p>")) +
        "</body></html>";

    public static async Task<TargetServer> StartAsync(string preference, Children children, string folder, string binaries,
        CancellationToken cancellationToken)
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);
        if (preference != "kestrel")
        {
            if (nginx is null)
                Console.WriteLine("  nginx is not installed (apt-get install -y --no-install-recommends nginx): using Kestrel");
            else if (await TryStartAsync("nginx", StartNginx(nginx, children, folder), cancellationToken) is { } started)
                return started;
            if (preference == "nginx") throw new InvalidOperationException("--target nginx: nginx could not be started");
        }
        var port = FreePort();
        var kestrel = children.Start("target-kestrel", "dotnet",
            [Path.Combine(binaries, "Monitoring.Benchmarks.dll"), "target", "--port", port.ToString()], folder);
        return await TryStartAsync("kestrel (Monitoring.Benchmarks target)", (kestrel, port), cancellationToken)
               ?? throw new InvalidOperationException("the Kestrel target did not start");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until <paramref name="url"/> answers 200, at most <paramref name="seconds"/>, or the process exits.</summary>
    public static async Task<bool> WaitForAsync(string url, Child process, int seconds, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < seconds * 5 && !process.HasExited; attempt++)
        {
            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Too slow to answer yet.
            }
            await Task.Delay(200, cancellationToken);
        }
        return false;
    }

    private static async Task<TargetServer?> TryStartAsync(string name, (Child Process, int Port) started, CancellationToken cancellationToken)
    {
        var baseUrl = $"http://127.0.0.1:{started.Port}/";
        if (await WaitForAsync(baseUrl, started.Process, 20, cancellationToken)) return new TargetServer(name, baseUrl, started.Process);
        Console.WriteLine($"  {name} did not answer on {baseUrl}:{Environment.NewLine}{started.Process.Tail()}");
        started.Process.Kill();
        return null;
    }

    /// <summary>One nginx process (no master, no daemon) with everything in the temporary folder, so it needs no root.</summary>
    private static (Child, int) StartNginx(string nginx, Children children, string folder)
    {
        var port = FreePort();
        var root = Path.Combine(folder, "nginx");
        Directory.CreateDirectory(root);
        var temp = string.Join(" ", new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }
            .Select(kind => $"{kind}_temp_path {Path.Combine(root, kind)};"));
        File.WriteAllText(Path.Combine(root, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{root}}/nginx.pid;
            error_log {{root}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                {{temp}}
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        default_type "text/html; charset=utf-8";
                        return 200 '{{Page}}';
                    }
                }
            }
            """);
        var process = children.Start("target-nginx", nginx,
            ["-p", root, "-c", Path.Combine(root, "nginx.conf"), "-e", Path.Combine(root, "error.log")], folder);
        return (process, port);
    }
}
