using Microsoft.AspNetCore.Identity;

namespace Monitoring.Access;

/// <summary>Checks the passwords of the users of configuration, with ASP.NET Core Identity's PBKDF2 hasher.</summary>
public sealed class LocalUsers(AccessOptions options)
{
    private static readonly PasswordHasher<LocalUser> Hasher = new();

    // An unknown name still costs one hash verification, so that timing does not tell which names exist.
    private static readonly string DummyHash = Hasher.HashPassword(new LocalUser(), Guid.NewGuid().ToString());

    public static string Hash(string password) => Hasher.HashPassword(new LocalUser(), password);

    /// <summary>The user when the name and password match, else null.</summary>
    public LocalUser? Verify(string? name, string? password)
    {
        var user = options.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
        var result = Hasher.VerifyHashedPassword(user ?? new LocalUser(), user?.PasswordHash ?? DummyHash, password ?? "");
        return user is not null && result != PasswordVerificationResult.Failed ? user : null;
    }
}
