using System.Security.Cryptography;

namespace Monitoring.Checks;

/// <summary>
/// Where the configuration in force came from: the checks folder and the <c>${NAME}</c> values given at start-up, so a
/// reload reads the same folder with the same variables.
/// </summary>
public sealed record ChecksSource(string Folder, IReadOnlyDictionary<string, string>? Variables)
{
    /// <summary>Loads and validates the folder as at start-up.</summary>
    public (CheckSet? Checks, IReadOnlyList<ConfigError> Errors) Load() => CheckSetLoader.Default(Variables).Load(Folder);

    /// <summary>
    /// A digest of every YAML file's path and content: equal digests mean nothing worth reloading changed. Contents,
    /// not modification times, so an editor that rewrites a file unchanged does not cause a reload.
    /// </summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(Folder))
        {
            var files = Directory.EnumerateFiles(Folder, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(Folder, file) + "\n"));
                try
                {
                    hash.AppendData(File.ReadAllBytes(file));
                }
                catch (IOException)
                {
                    // Being written right now: the next look sees it whole.
                    hash.AppendData("(unreadable)"u8);
                }
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
