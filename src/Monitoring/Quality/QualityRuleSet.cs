using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Quality;

/// <summary>
/// The identity of a rule set: the full scan stores its hash, and an incremental scan that finds another one runs a
/// full scan instead, because a new or changed rule must be judged on every record and a removed one must stop
/// counting (its open findings are then left as they were, since no scan covers a rule that no longer runs).
/// </summary>
public static class QualityRuleSet
{
    /// <summary>A hash of the rules' fingerprints, independent of their order across files.</summary>
    public static string Hash(IEnumerable<QualityRuleDefinition> rules)
    {
        var lines = rules.Select(r => $"{r.Id}\u001f{r.Fingerprint ?? $"{r.Entity}/{r.Kind}/{r.Severity}/{r.Weight}/{r.Message}"}")
            .Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }

    /// <summary>A hash of a rule's YAML node: mapping keys sorted, scalars as written (a <c>${VAR}</c> is hashed
    /// unexpanded: a changed environment needs a restart, which re-reads the rules anyway).</summary>
    public static string Fingerprint(YamlNode node)
    {
        var text = new StringBuilder();
        Canonical(node, text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }

    private static void Canonical(YamlNode node, StringBuilder text)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                text.Append('"').Append(scalar.Value?.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                break;
            case YamlSequenceNode sequence:
                text.Append('[');
                foreach (var item in sequence.Children) { Canonical(item, text); text.Append(','); }
                text.Append(']');
                break;
            case YamlMappingNode mapping:
                text.Append('{');
                foreach (var (key, value) in mapping.Children.OrderBy(e => (e.Key as YamlScalarNode)?.Value, StringComparer.Ordinal))
                {
                    Canonical(key, text);
                    text.Append(':');
                    Canonical(value, text);
                    text.Append(',');
                }
                text.Append('}');
                break;
            default:
                text.Append(node.NodeType);
                break;
        }
    }
}
