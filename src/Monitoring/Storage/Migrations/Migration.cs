using System.Reflection;

namespace Monitoring.Storage.Migrations;

/// <summary>One dated SQL migration, embedded in the assembly under <c>Storage/Migrations/{Backend}/</c>.</summary>
/// <param name="Id">The file name without extension, like <c>20261122_0001_probes</c>; ids sort in the order to apply.</param>
/// <param name="Sql">The statements, run in one transaction.</param>
public sealed record Migration(string Id, string Sql)
{
    /// <summary>Every migration of a backend folder (<c>Sqlite</c> or <c>Postgres</c>), in the order to apply.</summary>
    public static IReadOnlyList<Migration> For(string backendFolder)
    {
        var assembly = typeof(Migration).Assembly;
        var prefix = $"{typeof(Migration).Namespace}.{backendFolder}.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => new Migration(name[prefix.Length..^".sql".Length], Read(assembly, name)))
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
