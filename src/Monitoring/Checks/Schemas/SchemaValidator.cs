using NJsonSchema.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Checks.Schemas;

/// <summary>
/// Checks every YAML file of a checks folder against its kind's JSON Schema and reports violations like the readers'
/// errors: file, line, path. Files that are not valid YAML or that no schema describes are left to the loader.
/// </summary>
public static class SchemaValidator
{
    /// <summary>The schema violations of every file in <paramref name="directory"/>, in file and line order.</summary>
    public static IReadOnlyList<ConfigError> ValidateFolder(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root)) return [];
        var displayRoot = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar));
        var errors = new List<ConfigError>();
        foreach (var file in Directory.EnumerateFiles(root, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (CheckSchemas.NameFor(relative) is not { } name) continue;
            errors.AddRange(ValidateFile(file, Path.Combine(displayRoot, relative).Replace('\\', '/'), name));
        }
        return errors;
    }

    /// <summary>The violations of one file against the schema <paramref name="schemaName"/>.</summary>
    public static IReadOnlyList<ConfigError> ValidateFile(string path, string display, string schemaName)
    {
        using var reader = new StreamReader(path);
        return ValidateText(reader, display, schemaName);
    }

    public static IReadOnlyList<ConfigError> ValidateText(TextReader yaml, string display, string schemaName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(yaml);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The loader reports the YAML error itself (YamlDotNet throws InvalidOperationException for a file that
            // ends inside an unclosed [ or {).
            return [];
        }
        if (stream.Documents.Count == 0) return [];
        var document = LocatedJson.From(stream.Documents[0].RootNode);
        var violations = CheckSchemas.Schema(schemaName).Validate(document.Json);
        return violations.SelectMany(Leaves)
            .Select(v => ToError(v, document, display))
            .Distinct()
            .OrderBy(e => e.Line).ThenBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The violations worth showing: for "one value or a list" and other alternatives, the errors of the alternative
    /// whose type matched, rather than "matches none of the alternatives".
    /// </summary>
    private static IEnumerable<ValidationError> Leaves(ValidationError error)
    {
        if (error is not ChildSchemaValidationError child) return [error];
        if (child.Kind is not (ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf))
            return child.Errors.Values.SelectMany(e => e).SelectMany(Leaves).DefaultIfEmpty(error);
        var here = Normalize(error.Path);
        var branches = child.Errors.Values.Where(branch => branch.Count > 0).ToList();
        // The alternative whose type matched says what is wrong inside the value; a key only other kinds need
        // (ExcludedSchemaValidates) is not the problem.
        var typed = branches
            .Where(branch => !branch.Any(e => (IsTypeMismatch(e) && Normalize(e.Path) == here) || e.Kind == ValidationErrorKind.ExcludedSchemaValidates
                || IsOtherDiscriminator(e, here)))
            .OrderBy(branch => branch.Count)
            .FirstOrDefault();
        if (typed is not null) return typed.SelectMany(Leaves);
        // No alternative's type matched: a value of the right type outside its list of allowed values says the most.
        var enumeration = branches.SelectMany(b => b).FirstOrDefault(e => e.Kind == ValidationErrorKind.NotInEnumeration && Normalize(e.Path) == here);
        return [enumeration ?? error];
    }

    /// <summary>
    /// The branch is for another value of a key that picks the branch (a quality rule's <c>kind: length</c> against the
    /// branch of <c>kind: gtin</c>): a one-value enumeration on a key of the value itself. Its other errors are not the problem.
    /// </summary>
    private static bool IsOtherDiscriminator(ValidationError error, string here) =>
        error.Kind == ValidationErrorKind.NotInEnumeration && error.Schema?.Enumeration.Count == 1 && error.Property is { } key
        && Normalize(error.Path) == (here.Length == 0 ? key : $"{here}.{key}");

    private static bool IsTypeMismatch(ValidationError error) => error.Kind is ValidationErrorKind.StringExpected
        or ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.BooleanExpected
        or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected or ValidationErrorKind.NullExpected
        or ValidationErrorKind.NotInEnumeration or ValidationErrorKind.NoTypeValidates;

    private static ConfigError ToError(ValidationError error, LocatedJson document, string display)
    {
        var path = Normalize(error.Path);
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } missing && !path.EndsWith(missing, StringComparison.Ordinal))
            path = path.Length == 0 ? missing : $"{path}.{missing}";
        return new ConfigError(display, document.LineOf(path), path, "schema: " + Describe(error));
    }

    private static string Normalize(string? path) => (path ?? "").TrimStart('#').TrimStart('/').Replace("/", ".");

    private static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => "required",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => "unknown key",
        ValidationErrorKind.NotInEnumeration when error.Schema?.Enumeration.Contains("yes") == true => "not a boolean (write true or false)",
        ValidationErrorKind.NotInEnumeration => $"not an allowed value (allowed: {string.Join(", ", error.Schema?.Enumeration ?? [])})",
        ValidationErrorKind.PatternMismatch => error.Schema?.Pattern?.Contains("ms|s|m|h|d") == true
            ? "not a duration (write e.g. 500ms, 30s, 5m, 1h)" : $"does not match the pattern {error.Schema?.Pattern}",
        ValidationErrorKind.StringExpected => "expected a text value",
        ValidationErrorKind.IntegerExpected => "expected a whole number",
        ValidationErrorKind.NumberExpected => "expected a number",
        ValidationErrorKind.BooleanExpected => "expected true or false",
        ValidationErrorKind.ObjectExpected => "expected a mapping (key: value lines)",
        ValidationErrorKind.ArrayExpected => "expected a list",
        ValidationErrorKind.NumberTooSmall => $"too small (at least {error.Schema?.Minimum})",
        ValidationErrorKind.NumberTooBig => $"too big (at most {error.Schema?.Maximum})",
        ValidationErrorKind.StringTooShort => "must not be empty",
        ValidationErrorKind.TooFewItems => "needs at least one item",
        // A key of several types ("type": ["string", "number", "boolean"]): a single value, not a mapping or a list.
        ValidationErrorKind.NoTypeValidates => "expected a single value, not a mapping or a list",
        ValidationErrorKind.NotAnyOf => "not any of the accepted forms (see the schema's description of this key)",
        _ => error.Kind.ToString(),
    };
}
