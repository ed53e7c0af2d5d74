using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Kpis;

namespace Monitoring.Tests.Kpis;

/// <summary><c>Monitoring:Kpis:DaysPerCall</c>: its default, its binding, and the error a bad value gets.</summary>
public sealed class KpiRunnerOptionsTests
{
    private static KpiRunnerOptions Resolve(Dictionary<string, string?>? settings)
    {
        var services = new ServiceCollection();
        if (settings is not null)
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddKpis();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<KpiRunnerOptions>>().Value;
    }

    [Fact]
    public void Two_years_per_call_by_default_with_or_without_a_configuration()
    {
        Assert.Equal(731, Resolve(null).DaysPerCall);
        Assert.Equal(731, Resolve([]).DaysPerCall);
    }

    [Fact]
    public void The_setting_is_read_from_its_section()
    {
        Assert.Equal(366, Resolve(new() { ["Monitoring:Kpis:DaysPerCall"] = "366" }).DaysPerCall);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void A_value_under_one_day_is_refused_with_the_key_named(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Monitoring:Kpis:DaysPerCall"] = value }));

        Assert.Contains("Monitoring:Kpis:DaysPerCall", error.Message);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_refused_with_the_key_named()
    {
        var error = Assert.ThrowsAny<InvalidOperationException>(() => Resolve(new() { ["Monitoring:Kpis:DaysPerCall"] = "two years" }));

        Assert.Contains("Monitoring:Kpis:DaysPerCall", error.Message);
    }
}
