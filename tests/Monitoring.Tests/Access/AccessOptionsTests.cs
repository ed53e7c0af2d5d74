using Monitoring.Access;

namespace Monitoring.Tests.Access;

public sealed class AccessOptionsTests
{
    private static LocalUser User(string name = "alice", string hash = "AQAAAA", params string[] roles) =>
        new() { Name = name, PasswordHash = hash, Roles = roles.Length == 0 ? ["ops"] : [.. roles] };

    public static TheoryData<string, AccessOptions> Invalid => new()
    {
        { "Users:0:Name: required", new AccessOptions { Users = [User(name: "")] } },
        { "Users:0:PasswordHash: required", new AccessOptions { Users = [User(hash: "")] } },
        { "Users:0:Roles: unknown role 'root'", new AccessOptions { Users = [User(roles: "root")] } },
        { "Users: 'alice' is declared twice", new AccessOptions { Users = [User(), User(name: "ALICE")] } },
        { "Oidc:ClientId: required", new AccessOptions { Oidc = new OidcOptions { Authority = "https://id.example.com" } } },
        { "Oidc:RoleMap: unknown role 'boss'", new AccessOptions { Oidc = new OidcOptions { RoleMap = new() { ["grp"] = "boss" } } } },
        { "SignInPermitsPerMinute: must be at least 1", new AccessOptions { SignInPermitsPerMinute = 0 } },
        { "MaxRequestBodyBytes: must be at least 1024", new AccessOptions { MaxRequestBodyBytes = 10 } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Names_what_is_wrong(string problem, AccessOptions options)
    {
        Assert.Contains(options.Validate(), p => p.Contains(problem));
    }

    [Fact]
    public void Accepts_the_defaults_and_runs_in_local_mode_without_users()
    {
        var options = new AccessOptions();

        Assert.Empty(options.Validate());
        Assert.True(options.LocalMode);
        Assert.False(new AccessOptions { Users = [User()] }.LocalMode);
        Assert.False(new AccessOptions { LocalAdminWhenNoUsers = false }.LocalMode);
    }
}
