using Npgsql;

namespace Monitoring.Storage;

/// <summary>
/// PostgreSQL: reads the accounts (<see cref="KpiRollupSql.AccountsCopy"/>), then the orders with their lines
/// (<see cref="KpiRollupSql.OrdersWithLinesCopy"/>) into <see cref="OrderDays"/>, both by binary COPY read as bytes
/// (<see cref="Copy.PgCopyReader"/>). Each distinct text (a status, a channel, an account id …) becomes a string once
/// and each distinct combination of an order's dimensions an <see cref="OrderProfile"/> once, so that an order row
/// costs lookups by number; the line arrays are decoded into buffers reused from order to order.
/// </summary>
/// <remarks>
/// The order's account dimensions (segment, acquisition channel, new or returning) are joined here rather than in the
/// query, as the grouped SQL joined them: an order whose account is missing or null has neither segment nor
/// acquisition channel and counts as returning; an account is new when it opened at most 365 × 24 hours before the
/// order (<see cref="ShopDaySql.OpenedWithinYear"/>). The order's shop day is computed from its timestamp
/// (<see cref="ShopDaySql.DayOfPostgresTimestamp"/>), as for the sessions.
/// </remarks>
internal sealed class OrdersFromCopy(OrderDays orders, ShopDaySql shopDay)
{
    private const int Unknown = int.MinValue;

    private readonly Copy.Utf8KeyTable keys = new();
    private readonly List<string> texts = [];
    private readonly Dictionary<(int Status, int Channel, int Country, int Segment, int Acquisition, bool IsNew), OrderProfile> profiles = new();
    // Indexed by the text number of an account id: the account's dimensions (Known false for an id no account has)
    // and its number in the cells (Unknown until its first order, -1 for a blank id).
    private readonly List<AccountDimensions> accounts = [];
    private readonly List<int> accountNumbers = [];

    private readonly record struct AccountDimensions(bool Known, int Segment, int Acquisition, long? OpenedAt);

    /// <summary>Reads every account's dimensions; returns how many.</summary>
    public int ReadAccounts(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var rows = 0;
        using var copy = Copy.PgCopyReader.Start(connection, KpiRollupSql.AccountsCopy);
        while (copy.ReadRow(cancellationToken))
        {
            var id = TextNumber(copy, 0);
            if (id < 0) continue;
            while (accounts.Count <= id) accounts.Add(default);
            accounts[id] = new AccountDimensions(true, TextNumber(copy, 1), TextNumber(copy, 2), copy.IsNull(3) ? null : copy.Int64(3));
            rows++;
        }
        return rows;
    }

    /// <summary>Reads the orders of the COPY statement (<see cref="KpiRollupSql.OrdersWithLinesCopy"/>, parameters
    /// inlined) into the order days; returns how many.</summary>
    public int ReadOrders(NpgsqlConnection connection, string copyStatement, CancellationToken cancellationToken)
    {
        var rows = 0;
        var (categories, quantities, amounts, costs) = (new int[16], new decimal?[16], new decimal?[16], new decimal?[16]);
        using var copy = Copy.PgCopyReader.Start(connection, copyStatement);
        while (copy.ReadRow(cancellationToken))
        {
            var lines = 0;
            if (!copy.IsNull(7))
            {
                var skus = new Copy.PgArray(copy.Bytes(7));
                lines = skus.Length;
                if (lines > categories.Length)
                    (categories, quantities, amounts, costs) = (new int[lines * 2], new decimal?[lines * 2], new decimal?[lines * 2], new decimal?[lines * 2]);
                for (var i = 0; skus.MoveNext(); i++) categories[i] = skus.IsNull ? -1 : orders.CategoryOf(skus.Current);
                Numbers(copy, 8, quantities, lines);
                Numbers(copy, 9, amounts, lines);
                Numbers(copy, 10, costs, lines);
                // The line's cost is multiplied here, not in the query: 10 million numeric products took PostgreSQL
                // about a second of the two years' COPY. Null when either is, as in SQL.
                for (var i = 0; i < lines; i++) costs[i] = quantities[i] * costs[i];
            }
            var placedAt = copy.Int64(0);
            var account = TextNumber(copy, 4);
            orders.AddOrderWithLines(shopDay.DayOfPostgresTimestamp(placedAt), Profile(copy, account, placedAt), AccountNumber(account),
                Number(copy, 5), Number(copy, 6), categories.AsSpan(0, lines), quantities.AsSpan(0, lines), amounts.AsSpan(0, lines),
                costs.AsSpan(0, lines));
            rows++;
        }
        return rows;
    }

    /// <summary>The number of a text field's value (-1 for null), making its string the first time.</summary>
    private int TextNumber(Copy.PgCopyReader row, int field)
    {
        if (row.IsNull(field)) return -1;
        var at = keys.GetOrAdd(row.Bytes(field));
        if (at == texts.Count) texts.Add(System.Text.Encoding.UTF8.GetString(row.Bytes(field)));
        return at;
    }

    private string? Text(int number) => number < 0 ? null : texts[number];

    private OrderProfile Profile(Copy.PgCopyReader row, int account, long placedAt)
    {
        var dimensions = account >= 0 && account < accounts.Count ? accounts[account] : default;
        var isNew = dimensions.OpenedAt is { } opened && ShopDaySql.OpenedWithinYear(opened, placedAt);
        var (segment, acquisition) = dimensions.Known ? (dimensions.Segment, dimensions.Acquisition) : (-1, -1);
        var (status, channel, country) = (TextNumber(row, 1), TextNumber(row, 2), TextNumber(row, 3));
        if (!profiles.TryGetValue((status, channel, country, segment, acquisition, isNew), out var profile))
            profiles[(status, channel, country, segment, acquisition, isNew)] = profile =
                orders.Profile(Text(status), Text(channel), Text(country), Text(segment), Text(acquisition), isNew);
        return profile;
    }

    private int? AccountNumber(int account)
    {
        if (account < 0) return null;
        while (accountNumbers.Count <= account) accountNumbers.Add(Unknown);
        if (accountNumbers[account] == Unknown) accountNumbers[account] = orders.AccountNumber(texts[account]) ?? -1;
        return accountNumbers[account] >= 0 ? accountNumbers[account] : null;
    }

    private static decimal Number(Copy.PgCopyReader row, int field) => row.IsNull(field) ? 0m : Copy.PgNumeric.ToDecimal(row.Bytes(field));

    /// <summary>A numeric array field of <paramref name="lines"/> elements (as many as the SKUs) into the buffer.</summary>
    private static void Numbers(Copy.PgCopyReader row, int field, decimal?[] into, int lines)
    {
        var array = new Copy.PgArray(row.Bytes(field));
        if (array.Length != lines) throw new InvalidDataException($"COPY field {field} has {array.Length} elements, the SKUs {lines}");
        for (var i = 0; array.MoveNext(); i++) into[i] = array.IsNull ? null : Copy.PgNumeric.ToDecimal(array.Current);
    }
}
