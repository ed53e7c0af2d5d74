using Dapper;
using Monitoring.Shop.Privacy;

namespace Monitoring.Storage;

/// <summary>Erases a person from the shop's data on both backends, in one transaction, with one SQL text.</summary>
public sealed class SqlContactErasure(IDbConnectionFactory database) : IContactErasure
{
    public async Task<ErasureResult> EraseAsync(string email, CancellationToken cancellationToken)
    {
        var normalised = email.Trim().ToLowerInvariant();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        CommandDefinition Command(string sql, object? parameters = null) =>
            new(sql, parameters, transaction, cancellationToken: cancellationToken);

        // The same subquery in every statement: one SQL text for both backends (a list parameter is expanded by
        // Dapper on SQLite but sent as an array to PostgreSQL, where IN needs ANY).
        const string theirIds = "SELECT id FROM contacts WHERE lower(email) = @Email";
        var byEmail = new { Email = normalised };
        // What the person wrote goes; the score stays, no longer attached to anyone, so that NPS keeps its history.
        var reviews = await connection.ExecuteAsync(Command(
            $"UPDATE reviews SET contact_id = NULL, comment = NULL WHERE contact_id IN ({theirIds})", byEmail));
        var orders = await connection.ExecuteAsync(Command(
            $"UPDATE orders SET contact_id = NULL WHERE contact_id IN ({theirIds})", byEmail));
        var contacts = await connection.ExecuteAsync(Command("DELETE FROM contacts WHERE lower(email) = @Email", byEmail));
        // Refused rows keep their raw values, which may hold the address: those rows go too.
        var quarantined = await connection.ExecuteAsync(Command(
            @"DELETE FROM quarantine WHERE lower(CAST(raw AS text)) LIKE @Pattern ESCAPE '\'",
            new { Pattern = "%" + EscapeLike(normalised) + "%" }));
        await transaction.CommitAsync(cancellationToken);
        return new ErasureResult(contacts, reviews, orders, quarantined);
    }

    /// <summary>The address as a literal inside a LIKE pattern: its _ must not match any character.</summary>
    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
