using Dapper;
using Monitoring.Kpis;

namespace Monitoring.Storage;

/// <summary>
/// The SQL expression of a timestamp's shop day, so one grouped query covers a whole range of days instead of one
/// query per day. The day is ⌊(epoch ms + the zone's offset at that instant) ÷ 86 400 000⌋; the offset is a
/// <c>CASE</c> over the zone's changes within the range (two a year in Europe/Paris), passed as timestamp parameters,
/// so the text is the same on SQLite (no time zones) and PostgreSQL. The result matches <see cref="ShopDays.DayOf"/>.
/// </summary>
internal sealed class ShopDaySql
{
    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private readonly SqlDialect dialect;
    private readonly List<(DateTimeOffset From, long OffsetMs)> offsets = [];

    /// <summary>The offsets of <paramref name="days"/>' zone between the two instants (both widened by a day).</summary>
    public ShopDaySql(SqlDialect dialect, ShopDays days, DateTimeOffset from, DateTimeOffset to)
    {
        this.dialect = dialect;
        var zone = days.Zone;
        // Whole hours, so that the search below lands on whole minutes.
        var at = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero).AddDays(-1);
        var offset = zone.GetUtcOffset(at);
        offsets.Add((at, (long)offset.TotalMilliseconds));
        for (; at < to.AddDays(1); at = at.AddHours(1))
        {
            var next = zone.GetUtcOffset(at.AddHours(1));
            if (next == offset) continue;
            // The change lies in (at, at + 1 h]: find its minute (zones change on whole minutes).
            var (low, high) = (at, at.AddHours(1));
            while (high - low > TimeSpan.FromMinutes(1))
            {
                var middle = low + (high - low) / 2;
                middle = middle.AddTicks(-(middle.Ticks % TimeSpan.TicksPerMinute));
                if (middle <= low) break;
                if (zone.GetUtcOffset(middle) == offset) low = middle; else high = middle;
            }
            offsets.Add((high, (long)next.TotalMilliseconds));
            offset = next;
        }
    }

    /// <summary>The parameters the expressions use: add them to every query that embeds <see cref="Of"/>.</summary>
    public void AddParameters(DynamicParameters parameters)
    {
        for (var i = 1; i < offsets.Count; i++) parameters.Add($"ZoneChange{i}", dialect.Timestamp(offsets[i].From));
    }

    /// <summary>The day number (days since 1970-01-01) of the timestamp column, as an integer SQL expression.</summary>
    public string Of(string column)
    {
        var offset = offsets.Count == 1
            ? offsets[0].OffsetMs.ToString()
            : "CASE " + string.Concat(Enumerable.Range(1, offsets.Count - 1)
                .Select(i => $"WHEN {column} < @ZoneChange{i} THEN {offsets[i - 1].OffsetMs} ")) + $"ELSE {offsets[^1].OffsetMs} END";
        return dialect.Name == "sqlite"
            ? $"(({column} + {offset}) / 86400000)"
            : $"CAST(floor((date_part('epoch', {column}) * 1000 + {offset}) / 86400000) AS bigint)";
    }

    /// <summary>
    /// The day number of a PostgreSQL <c>timestamptz</c> as its binary form holds it (microseconds since
    /// 2000-01-01 UTC), the same as <see cref="Of"/> gives in SQL: the offset of the last zone change at or before the
    /// instant, then ⌊(Unix ms + offset) ÷ 86 400 000⌋. Reading the sessions' timestamps and computing their day here
    /// spared PostgreSQL the expression for each of 20 million rows.
    /// </summary>
    public long DayOfPostgresTimestamp(long microsecondsSince2000)
    {
        var unixMicroseconds = microsecondsSince2000 + PostgresEpochUnixMicroseconds;
        var offset = offsets[0].OffsetMs;
        // As the SQL's CASE: the first change the instant is before decides; after the last, the last offset.
        for (var i = 1; i < offsets.Count && unixMicroseconds >= offsets[i].From.ToUnixTimeMilliseconds() * 1000; i++) offset = offsets[i].OffsetMs;
        return Math.DivRem(unixMicroseconds + offset * 1000, MicrosecondsPerDay) is var (days, rest) && rest < 0 ? days - 1 : days;
    }

    private const long PostgresEpochUnixMicroseconds = 946_684_800_000_000;
    private const long MicrosecondsPerDay = 86_400_000_000;

    /// <summary>The SQL of "the timestamp column minus 365 × 24 hours", for the new-account test.</summary>
    public string YearBefore(string column) =>
        dialect.Name == "sqlite" ? $"({column} - 31536000000)" : $"({column} - interval '8760 hours')";

    /// <summary>
    /// The new-account test on PostgreSQL timestamps (microseconds since 2000) as the SQL makes it with
    /// <see cref="YearBefore"/>: the account opened at most 365 × 24 hours before the instant.
    /// </summary>
    public static bool OpenedWithinYear(long openedAt, long at) => openedAt >= at - 8760L * 3600 * 1_000_000;

    /// <summary>The top-level part of a category path (<c>Outillage &gt; Perçage &gt; Forets</c> → <c>Outillage</c>).</summary>
    public string TopCategory(string column) =>
        dialect.Name == "sqlite"
            ? $"trim(CASE WHEN instr({column}, '>') > 0 THEN substr({column}, 1, instr({column}, '>') - 1) ELSE {column} END)"
            : $"trim(split_part({column}, '>', 1))";

    /// <summary>The shop day of a day number read back from <see cref="Of"/>.</summary>
    public static DateOnly Day(object dayNumber) => DateOnly.FromDayNumber(UnixEpochDayNumber + Convert.ToInt32(dayNumber));

    /// <summary>The day number <see cref="Of"/> gives for a day (the inverse of <see cref="Day"/>).</summary>
    public static long Number(DateOnly day) => day.DayNumber - UnixEpochDayNumber;
}
