using System.CommandLine;
using Monitoring.Access;
using Monitoring.Shop.Privacy;

namespace Monitoring.Cli;

/// <summary><c>monitoring erase-contact EMAIL</c>: the right to erasure from the command line, audited like the page.</summary>
public static class EraseContactCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("email") { Description = "The person's e-mail address" };
        var command = new Command("erase-contact", "Erase a person (by e-mail address) from the shop's data.") { email };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (r, ct) =>
        {
            await using var services = await CliServices.BuildAsync(r.UnmatchedTokens, ct, s => s.AddSingleton<AuditLog>());
            var (result, problem) = await services.GetRequiredService<ContactEraser>()
                .EraseAsync(r.GetValue(email), $"cli:{Environment.UserName}", null, ct);
            if (result is null)
            {
                Console.Error.WriteLine(problem);
                return 2;
            }
            Console.WriteLine(result.FoundAnything ? $"Erased: {result}." : "Nothing held this address.");
            return 0;
        });
        return command;
    }
}
