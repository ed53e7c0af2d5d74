using Monitoring.Checks;

namespace Monitoring.Tests.Quality;

/// <summary>The quality rules as part of the <c>checks/</c> folder: read from <c>quality/</c>, validated with the rest.</summary>
public sealed class QualityChecksFolderTests
{
    private const string Rule = """
        rules:
          - {id: product-gtin-valid, entity: product, kind: gtin, severity: blocker}
        """;

    [Fact]
    public void The_repository_checks_declare_rules_for_every_domain()
    {
        var checks = CheckSetLoader.Default().LoadOrThrow(Path.Combine(RepositoryRoot.Find(), "checks"));

        Assert.Equal(["catalogue", "customers", "media"], checks.QualityRules.Select(r => r.Domain).Distinct().Order().ToList());
        // The demo shop serves the demo's media, so the sample probes them.
        Assert.Contains(checks.QualityRules, r => r.Kind == "media_reachable");
        Assert.Equal("checks/quality/catalogue.yaml:4", checks.QualityRules[0].DeclaredAt);
    }

    [Fact]
    public void A_rule_id_declared_in_two_files_is_an_error_naming_the_first()
    {
        using var folder = new TempChecksFolder(("quality/a.yaml", Rule), ("quality/b.yaml", Rule));

        var (checks, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Null(checks);
        var error = Assert.Single(errors);
        Assert.Equal(("checks/quality/b.yaml", 2), (error.File, error.Line));
        Assert.Contains("duplicate quality rule id 'product-gtin-valid' (first declared at checks/quality/a.yaml:2)", error.Message);
    }

    [Fact]
    public void A_bad_rule_fails_the_whole_folder_with_its_file_and_line()
    {
        using var folder = new TempChecksFolder(("quality/a.yaml", "rules:\n  - {id: x, entity: product, kind: nope, severity: major}\n"));

        var (checks, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Null(checks);
        Assert.Contains(errors, e => e.File == "checks/quality/a.yaml" && e.Line == 2 && e.Message.Contains("'nope' is not a quality rule kind"));
    }
}
