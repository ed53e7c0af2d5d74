using System.CommandLine;
using Monitoring.Access;

namespace Monitoring.Cli;

/// <summary>
/// <c>monitoring hash-password</c>: reads a password from standard input (so that it stays out of the shell history
/// and the process list) and prints the hash to put in <c>Monitoring:Access:Users:N:PasswordHash</c>.
/// </summary>
public static class HashPasswordCommand
{
    public const int MinimumLength = 12;

    public static Command Create()
    {
        var command = new Command("hash-password", "Hash a password read from standard input, for a user in Monitoring:Access:Users.");
        command.SetAction(_ => Run(Console.In, Console.Out, Console.Error));
        return command;
    }

    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        if (!Console.IsInputRedirected) error.Write("Password: ");
        var password = input.ReadLine() ?? "";
        if (password.Length < MinimumLength)
        {
            error.WriteLine($"A password needs at least {MinimumLength} characters.");
            return 1;
        }
        output.WriteLine(LocalUsers.Hash(password));
        return 0;
    }
}
