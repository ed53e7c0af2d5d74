using Monitoring.Checks;
using Monitoring.Probes.Http;

namespace Monitoring.Tests.Probes.Http;

/// <summary>Loads one http probe whose <c>expect:</c> section is the given YAML, through the real loader, so that
/// settings and errors are exactly what a user gets. The expect section starts on line 6 of the file.</summary>
internal static class HttpExpectYaml
{
    public const string File = "checks/probes/storefront.yaml";

    public static (HttpProbeSettings? Settings, IReadOnlyList<string> Errors) Load(string expect)
    {
        var indented = string.Join("\n", expect.Split('\n').Select(line => "      " + line));
        using var folder = new TempChecksFolder(("probes/storefront.yaml", $"""
            probes:
              - id: home
                kind: http
                url: http://shop.test/
                expect:
            {indented}
            """));

        var (checks, errors) = CheckSetLoader.Default().Load(folder.Checks);

        return ((HttpProbeSettings?)checks?.Probes.Single().Settings, errors.Select(e => e.ToString()).ToList());
    }

    public static HttpProbeSettings Settings(string expect)
    {
        var (settings, errors) = Load(expect);
        Assert.True(settings is not null, "unexpected errors:\n" + string.Join("\n", errors));
        return settings;
    }
}
