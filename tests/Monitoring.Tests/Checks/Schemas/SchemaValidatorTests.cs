using Monitoring.Checks;
using Monitoring.Checks.Schemas;
using Monitoring.Cli;
using Xunit;

namespace Monitoring.Tests.Checks.Schemas;

/// <summary>Files checked against their kind's schema: the repository's samples pass; each kind of mistake is reported
/// at its line and path.</summary>
public sealed class SchemaValidatorTests
{
    [Fact]
    public void Every_file_of_the_repository_checks_folder_is_valid_against_its_schema()
    {
        var checks = Path.Combine(RepositoryRoot.Find(), "checks");
        var files = Directory.EnumerateFiles(checks, "*.y*ml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(checks, f).Replace('\\', '/')).ToList();

        Assert.All(files, f => Assert.NotNull(CheckSchemas.NameFor(f)));
        Assert.True(files.Count >= 10, $"only {files.Count} files");
        Assert.Empty(SchemaValidator.ValidateFolder(checks));
    }

    [Fact]
    public void Every_sample_file_names_its_schema_for_editors()
    {
        var checks = Path.Combine(RepositoryRoot.Find(), "checks");
        foreach (var file in Directory.EnumerateFiles(checks, "*.y*ml", SearchOption.AllDirectories))
        {
            var name = CheckSchemas.NameFor(Path.GetRelativePath(checks, file).Replace('\\', '/'))!;
            var modeline = File.ReadLines(file).First();
            Assert.StartsWith("# yaml-language-server: $schema=", modeline);
            Assert.EndsWith($"src/Monitoring/Checks/Schemas/{name}.schema.json", modeline);
            var relative = modeline["# yaml-language-server: $schema=".Length..];
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, relative)), $"{file}: {relative} does not exist");
        }
    }

    public static TheoryData<string, string, int, string, string> Invalid => new()
    {
        // schema, document, line, path, message
        { "monitoring", "time_zone: UTC\ndefault:\n  interval: 30s\n", 2, "default", "schema: unknown key" },
        { "monitoring", "defaults:\n  interval: soon\n", 2, "defaults.interval", "schema: not a duration (write e.g. 500ms, 30s, 5m, 1h)" },
        { "monitoring", "defaults:\n  retries: { count: 9 }\n", 2, "defaults.retries.count", "schema: too big (at most 5)" },
        { "monitoring", "defaults:\n  maintenance:\n    - name: deploy\n      duration: 30m\n", 3, "defaults.maintenance[0].cron", "schema: required" },
        { "alerts", "routes:\n  - name: ops\n    severity: urgent\n    to: [ops@example.com]\n", 3, "routes[0].severity", "schema: not an allowed value (allowed: critical, warning)" },
        { "alerts", "routes:\n  - name: ops\n    team: ops\n", 2, "routes[0].to", "schema: required" },
        { "alerts", "default:\n  to: [ops@example.com]\n  send_resolved: maybe\n", 3, "default.send_resolved", "schema: not a boolean (write true or false)" },
        { "alerts", "defaults:\n  repeat_interval: never\n", 2, "defaults.repeat_interval", "schema: not a duration (write e.g. 500ms, 30s, 5m, 1h)" },
        { "probes", "probes:\n  - id: home\n    kind: http\n    url: http://shop/\n    timout: 2s\n", 5, "probes[0].timout", "schema: unknown key" },
        { "probes", "probes:\n  - id: home\n    kind: htp\n    url: http://shop/\n", 3, "probes[0].kind", "schema: not an allowed value (allowed: http, tcp, dns, tls)" },
        { "probes", "probes:\n  - id: Home Page\n    kind: tcp\n    target: shop:443\n", 2, "probes[0].id", "schema: does not match the pattern ^[a-z0-9][a-z0-9_-]{0,62}$" },
        { "probes", "probes:\n  - id: port\n    kind: tcp\n", 2, "probes[0].target", "schema: required" },
        { "probes", "probes:\n  - id: port\n    kind: tcp\n    target: shop:25\n    retries: { count: two }\n", 5, "probes[0].retries.count", "schema: expected a whole number" },
        { "scenarios", "scenarios:\n  - id: buy\n    steps: []\n", 3, "scenarios[0].steps", "schema: needs at least one item" },
        { "scenarios", "scenarios:\n  - id: buy\n    browsr: true\n    steps:\n      - name: home\n", 3, "scenarios[0].browsr", "schema: unknown key" },
        { "scenarios", "scenarios:\n  - id: buy\n    steps:\n      - request: { url: / }\n", 4, "scenarios[0].steps[0].name", "schema: required" },
        { "sources", "sources:\n  - id: erp\n    kind: xml\n    entities: {}\n", 3, "sources[0].kind", "schema: not an allowed value (allowed: csv, sql)" },
        { "sources", "sources:\n  - id: erp\n    kind: csv\n    files: a.csv\n    skip_lines: some\n    entities: {}\n", 5, "sources[0].skip_lines", "schema: expected a whole number" },
        { "quality", "rules:\n  - id: gtin\n    entity: product\n    kind: gtin\n    severity: fatal\n", 5, "rules[0].severity", "schema: not an allowed value (allowed: info, minor, major, blocker)" },
        { "quality", "rules:\n  - id: gtin\n    entity: product\n    kind: gtin\n", 2, "rules[0].severity", "schema: required" },
        { "quality", "ruls:\n  - id: gtin\n", 1, "ruls", "schema: unknown key" },
        { "kpi-targets", "targets:\n  - kpi: revenue\n    value: lots\n    owner: ana\n", 3, "targets[0].value", "schema: does not match the pattern ^-?[0-9]+([.,][0-9]+)?\\s*%$" },
        { "kpi-targets", "targets:\n  - kpi: revenue\n    value: 100000\n    deadline: next year\n", 4, "targets[0].deadline", "schema: does not match the pattern ^\\d{4}-\\d{2}-\\d{2}$" },
        { "kpi-targets", "targets:\n  - value: 3\n    ownr: ana\n", 2, "targets[0].kpi", "schema: required" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Rejects_an_invalid_document_at_its_line_and_path(string schema, string yaml, int line, string path, string message)
    {
        var errors = SchemaValidator.ValidateText(new StringReader(yaml), "checks/x.yaml", schema);

        var expected = new ConfigError("checks/x.yaml", line, path, message);
        Assert.True(errors.Contains(expected), $"expected {expected}, got:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void Reports_every_problem_of_a_document_in_line_order()
    {
        const string yaml = "targets:\n  - kpi: revenue\n    value: 1\n    owner: ana\n    ownr: ana\n  - kpi: 5\n    value: 2\n    owner: bo\n";

        var errors = SchemaValidator.ValidateText(new StringReader(yaml), "checks/kpis/targets.yaml", "kpi-targets");

        Assert.Equal(
            ["checks/kpis/targets.yaml:5 targets[0].ownr: schema: unknown key", "checks/kpis/targets.yaml:6 targets[1].kpi: schema: expected a text value"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Validate_reports_a_problem_once_where_reader_and_schema_both_see_it()
    {
        using var folder = new TempChecksFolder(
            ("probes/web.yaml", "probes:\n  - id: web\n    kind: http\n    url: http://shop/\n    interval: 30s\n    timeout: 2s\n    sevrity: warning\n"),
            ("kpis/targets.yaml", "targets:\n  - kpi: revenue\n    value: lots\n"));
        var output = new StringWriter();

        var exit = ValidateCommand.Run(folder.Checks, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(1, exit);
        Assert.Contains("checks/probes/web.yaml:7 probes[0].sevrity: unknown key (did you mean 'severity'?)", lines);
        Assert.DoesNotContain(lines, l => l.Contains("web.yaml:7") && l.Contains("schema:"));
        // The reader says why 'lots' is not a value; the schema's own complaint about that line is not repeated.
        Assert.Contains(lines, l => l.StartsWith("checks/kpis/targets.yaml:3 targets[0].value: 'lots' is not a number", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("targets.yaml:3") && l.Contains("schema:"));
    }
}
