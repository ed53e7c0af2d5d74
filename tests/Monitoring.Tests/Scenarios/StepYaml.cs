using Monitoring.Checks;
using Monitoring.Checks.Yaml;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Tests.Scenarios;

/// <summary>A YAML snippet as a config node, with the errors reading it recorded, for tests of one part of a step.</summary>
internal static class StepYaml
{
    public static (ConfigNode Node, ConfigDiagnostics Errors) Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var diagnostics = new ConfigDiagnostics();
        var file = new ConfigFile("checks/scenarios/t.yaml", diagnostics, new VariableExpander(_ => null));
        return (new ConfigNode(stream.Documents[0].RootNode, "step", file), diagnostics);
    }
}
