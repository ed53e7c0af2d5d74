using Monitoring.Checks;
using Monitoring.Checks.Yaml;
using Monitoring.Shop.Mapping;
using Monitoring.Shop.Model;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Shop.Sources;

/// <summary>
/// Reads the parts of a source that every kind shares: entity names, field expressions and the value format. Every
/// problem goes to the file's diagnostics, with "did you mean" for misspelt entities, fields and functions.
/// </summary>
public static class MappingSettings
{
    /// <summary>The entity of that name, or null after an error at <paramref name="at"/>.</summary>
    public static ShopEntity? FindEntity(string name, ConfigNode at)
    {
        if (ShopModel.Find(name) is { } entity) return entity;
        var suggestion = Suggestions.Closest(name, ShopModel.Entities.Select(e => e.Name));
        at.Error(suggestion is null
            ? $"'{name}' is not an entity of the shop model (known: {ShopModel.KnownNames})"
            : $"'{name}' is not an entity of the shop model (did you mean '{suggestion}'?)");
        return null;
    }

    /// <summary>The expressions of the entity's fields written in <paramref name="node"/>, in the entity's field order.</summary>
    public static List<FieldMapping> ReadFields(ConfigNode node, ShopEntity entity)
    {
        var fields = new List<FieldMapping>();
        foreach (var field in entity.Fields)
        {
            var child = node.Child(field.Name);
            if (child is not null && ReadExpression(child, field) is { } mapping) fields.Add(mapping);
        }
        return fields;
    }

    /// <summary>The parsed expression of <paramref name="node"/>, or null after an error.</summary>
    public static FieldMapping? ReadExpression(ConfigNode node, ShopField field)
    {
        string? text;
        // [Unit Price] unquoted is a YAML list of one: read it as the bracketed column it was meant to be.
        if (node.Raw is YamlSequenceNode { Children: [YamlScalarNode { Value: { } name }] }) text = $"[{name.Replace("]", "]]")}]";
        else text = node.Scalar();
        if (text is null) return null;
        var expr = ExpressionParser.TryParse(text, out var error);
        if (expr is null)
        {
            node.Error(error!);
            return null;
        }
        return new FieldMapping(field, expr, $"{node.File.DisplayPath}:{node.Line}", node.Path);
    }

    /// <summary>Reports the key fields of the entity that <paramref name="node"/> does not map.</summary>
    public static bool RequireKeys(ConfigNode node, ShopEntity entity)
    {
        // A key written with a broken expression has its own error already: only absent keys are reported here.
        var missing = entity.Keys.Where(k => node.Child(k.Name) is null).Select(k => k.Name).ToArray();
        if (missing.Length == 0) return true;
        node.Error($"the key field{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing)} of {entity.Name} must be mapped");
        return false;
    }

    /// <summary>decimal_separator, thousands_separator, date_format and time_zone.</summary>
    public static ValueFormat ReadFormat(ConfigNode node)
    {
        var decimalSeparator = OneCharacter(node, "decimal_separator", ".,") ?? '.';
        var thousands = OneCharacter(node, "thousands_separator", " .,'_");
        if (thousands == decimalSeparator)
        {
            node.Child("thousands_separator")!.Error($"the thousands separator cannot also be the decimal separator '{decimalSeparator}'");
            thousands = null;
        }

        var formats = new List<string>();
        foreach (var item in node.Items("date_format"))
        {
            if (item.Scalar() is not { Length: > 0 } pattern) continue;
            try
            {
                _ = new DateTime(2024, 12, 31, 23, 59, 58).ToString(pattern, System.Globalization.CultureInfo.InvariantCulture);
                formats.Add(pattern);
            }
            catch (FormatException)
            {
                item.Error($"'{pattern}' is not a .NET date format (write e.g. dd/MM/yyyy HH:mm)");
            }
        }

        var zone = TimeZoneInfo.Utc;
        if (node.String("time_zone") is { } zoneId && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
        {
            node.Child("time_zone")!.Error($"'{zoneId}' is not a known time zone (write an IANA id like Europe/Paris)");
            zone = TimeZoneInfo.Utc;
        }
        return new ValueFormat(decimalSeparator, thousands, formats, zone);
    }

    private static char? OneCharacter(ConfigNode node, string key, string allowed)
    {
        var text = node.String(key);
        if (text is null) return null;
        if (text.Length == 1 && allowed.Contains(text[0])) return text[0];
        node.Child(key)!.Error($"'{text}' is not a {key.Replace('_', ' ')} (write one of {string.Join(" ", allowed.Select(c => $"'{c}'"))})");
        return null;
    }
}
