using Monitoring.Access;

namespace Monitoring.Tests.Access;

public sealed class LocalUsersTests
{
    private static readonly LocalUsers Users = new(new AccessOptions
    {
        Users = [new LocalUser { Name = "Alice", PasswordHash = LocalUsers.Hash("a long enough password"), Roles = ["ops"] }],
    });

    [Theory]
    [InlineData("Alice", "a long enough password", true)]
    [InlineData("alice", "a long enough password", true)]
    [InlineData("Alice", "a long enough passworD", false)]
    [InlineData("Alice", "", false)]
    [InlineData("bob", "a long enough password", false)]
    [InlineData(null, null, false)]
    public void Accepts_only_the_right_password_of_a_known_user(string? name, string? password, bool accepted)
    {
        Assert.Equal(accepted, Users.Verify(name, password) is not null);
    }

    [Fact]
    public void Never_stores_the_password_itself()
    {
        var hash = LocalUsers.Hash("a long enough password");

        Assert.DoesNotContain("a long enough password", hash);
        Assert.NotEqual(hash, LocalUsers.Hash("a long enough password")); // salted
    }
}
