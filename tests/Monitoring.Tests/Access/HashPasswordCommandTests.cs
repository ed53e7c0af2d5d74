using Monitoring.Access;
using Monitoring.Cli;

namespace Monitoring.Tests.Access;

/// <summary>The <c>hash-password</c> verb (src/Monitoring/Cli), kept with the access tests it serves.</summary>
public sealed class HashPasswordCommandTests
{
    [Fact]
    public void Prints_a_hash_that_local_users_accept()
    {
        var output = new StringWriter();

        var exit = HashPasswordCommand.Run(new StringReader("a long enough password\n"), output, new StringWriter());

        var users = new LocalUsers(new AccessOptions { Users = [new LocalUser { Name = "a", PasswordHash = output.ToString().Trim(), Roles = ["ops"] }] });
        Assert.Equal(0, exit);
        Assert.NotNull(users.Verify("a", "a long enough password"));
    }

    [Fact]
    public void Refuses_a_short_password()
    {
        var error = new StringWriter();

        var exit = HashPasswordCommand.Run(new StringReader("short\n"), new StringWriter(), error);

        Assert.Equal(1, exit);
        Assert.Contains("at least 12 characters", error.ToString());
    }
}
