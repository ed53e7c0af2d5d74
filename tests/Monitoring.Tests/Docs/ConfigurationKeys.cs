using System.Collections;
using System.Globalization;
using System.Reflection;
using Monitoring.Alerting;
using Monitoring.Alerting.Channels.Email;

namespace Monitoring.Tests.Docs;

/// <summary>
/// Every configuration key the service reads, found by reflection: the settable properties of each options class
/// (a class with a <c>Section</c> constant, walked into nested classes, lists and maps), and the keys read one by one
/// (constants named <c>…Key</c> whose value starts with <c>Monitoring:</c>). Each comes with its default as written
/// in the README when the code has one (<c>00:00:30</c>, <c>true</c>, <c>Auto</c>).
/// </summary>
public static class ConfigurationKeys
{
    /// <summary>A key and its default as the README writes it; null when the code has no single literal default
    /// (unset, empty, computed, a list or a map).</summary>
    public sealed record Key(string Name, string? Default);

    /// <summary>Options classes bound from a section they do not name themselves.</summary>
    private static readonly Dictionary<Type, string> BoundElsewhere = new()
    {
        // The email channel reads its SMTP settings from the alerting section (AlertingServiceCollectionExtensions).
        [typeof(EmailOptions)] = AlertingOptions.Section,
    };

    /// <summary>Classes named …Options that configuration does not bind: the code fills them.</summary>
    private static readonly HashSet<Type> NotBound =
    [
        // The demo verb builds it (seed 42, two years, scale 1); only its media address is a key, Monitoring:Demo:MediaBaseUrl.
        typeof(Monitoring.Shop.Demo.DemoDataOptions),
    ];

    /// <summary>Keys whose default is computed on the machine (the README says how), so no literal is compared.</summary>
    private static readonly HashSet<string> ComputedDefaults = [$"{Monitoring.Scheduling.SchedulingOptions.Section}:WorkerCount"];

    private static Assembly Service => typeof(AlertingOptions).Assembly;

    /// <summary>The options classes and the section each is bound from.</summary>
    public static IReadOnlyList<(Type Type, string Section)> Roots() =>
        Service.GetTypes()
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(x => x.Section is not null && x.Type.Name.EndsWith("Options", StringComparison.Ordinal))
            .Select(x => (x.Type, x.Section!))
            .Concat(BoundElsewhere.Select(kv => (kv.Key, kv.Value)))
            .OrderBy(x => x.Item2, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every class named …Options in the service that is neither a root nor reached from one: a new options
    /// class this list does not know how to bind (the test then fails, asking for its section).</summary>
    public static IReadOnlyList<Type> Unplaced()
    {
        var reached = new HashSet<Type>();
        foreach (var (type, _) in Roots()) Reach(type, reached);
        return Service.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.IsNested
                        && t.GetProperties().Any(p => p.CanWrite) && !reached.Contains(t) && !NotBound.Contains(t))
            .ToList();
    }

    /// <summary>Every key, in full (<c>Monitoring:Access:Users:N:Name</c>), with its default.</summary>
    public static IReadOnlyList<Key> All()
    {
        var keys = new List<Key>();
        foreach (var (type, section) in Roots()) Walk(type, Activator.CreateInstance(type), section, keys);
        foreach (var constant in Service.GetTypes()
                     .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                     .Where(f => f.IsLiteral && f.Name.EndsWith("Key", StringComparison.Ordinal))
                     .Select(f => f.GetRawConstantValue() as string)
                     .OfType<string>()
                     .Where(v => v.StartsWith("Monitoring:", StringComparison.Ordinal)))
            keys.Add(new Key(constant, null));
        return keys.DistinctBy(k => k.Name).ToList();
    }

    private static void Walk(Type type, object? instance, string prefix, List<Key> keys)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetSetMethod() is not null))
        {
            var name = $"{prefix}:{property.Name}";
            var value = instance is null ? null : property.GetValue(instance);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType)) keys.Add(new Key(name, ComputedDefaults.Contains(name) ? null : Format(value)));
            else if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>))
                keys.Add(new Key($"{name}:<value>", null));
            else if (ElementOf(propertyType) is { } element)
            {
                if (IsScalar(element)) keys.Add(new Key($"{name}:N", null));
                else Walk(element, Activator.CreateInstance(element), $"{name}:N", keys);
            }
            else Walk(propertyType, value, name, keys);
        }
    }

    private static void Reach(Type type, HashSet<Type> reached)
    {
        if (!reached.Add(type)) return;
        foreach (var property in type.GetProperties().Where(p => p.CanWrite))
        {
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var next = ElementOf(t) ?? t;
            if (!IsScalar(next) && next.Assembly == Service) Reach(next, reached);
        }
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(string) ? type.GetGenericArguments()[0]
        : null;

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(TimeOnly) || type == typeof(Uri);

    /// <summary>A default as the README writes it; null for none (an empty or unset value).</summary>
    private static string? Format(object? value) => value switch
    {
        null => null,
        string s when s.Length == 0 => null,
        string s => s,
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
