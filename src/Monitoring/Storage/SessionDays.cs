using Monitoring.Kpis;

namespace Monitoring.Storage;

/// <summary>
/// Adds sessions, read one by one in time order (<see cref="KpiRollupSql.Sessions"/>), into the rollup's cells: the
/// counts per day, acquisition channel and country, and the distinct visitors of the day overall, per channel and per
/// country, each counted once per cell exactly as the grouped SQL did. Only the days still open are held in memory:
/// a day is added to the cells once a session two days later arrives (a zone that turns its clocks back over midnight
/// can send a session of the previous shop day after one of the next), and the rest at <see cref="Flush"/>.
/// </summary>
internal sealed class SessionDays(KpiCells cells)
{
    private readonly SortedDictionary<long, SessionDay> open = new();
    private readonly Dictionary<string, int> valueNumbers = new(StringComparer.Ordinal);
    private readonly List<string?> values = [null];

    /// <summary>One session: its day number, visitor, channel and country as stored, and its funnel figures.</summary>
    public void Add(long day, string? visitor, string? channel, string? country, bool bounced, bool signedIn, int step)
    {
        if (!open.TryGetValue(day, out var state))
        {
            while (open.Count > 0 && open.Keys.First() < day - 1) Close(open.Keys.First());
            open[day] = state = new SessionDay(valueNumbers, values);
        }
        state.Add(visitor, channel, country, bounced, signedIn, step);
    }

    /// <summary>Adds every open day to the cells (call after the last session).</summary>
    public void Flush()
    {
        while (open.Count > 0) Close(open.Keys.First());
    }

    private void Close(long dayNumber)
    {
        var day = ShopDaySql.Day(dayNumber);
        open.Remove(dayNumber, out var state);
        foreach (var (channel, country, sums) in state!.Groups)
        {
            var row = sums.ToSums();
            cells.Add(day, SegmentKey.All, row);
            if (KpiCells.Text(channel) is { } c) cells.Add(day, new SegmentKey(SegmentKey.AcquisitionChannel, c), row);
            if (KpiCells.Text(country) is { } k) cells.Add(day, new SegmentKey(SegmentKey.Country, k), row);
        }
        // Distinct per stored value: two stored spellings of one channel ("web", "web ") count a visitor once each,
        // as the grouped SQL's windows (partitioned by the stored value) did.
        cells.Add(day, SegmentKey.All, new FactSums { Visitors = state.Visitors.Count });
        foreach (var (channel, count) in state.ChannelVisitors)
            if (KpiCells.Text(channel) is { } c) cells.Add(day, new SegmentKey(SegmentKey.AcquisitionChannel, c), new FactSums { Visitors = count });
        foreach (var (country, count) in state.CountryVisitors)
            if (KpiCells.Text(country) is { } k) cells.Add(day, new SegmentKey(SegmentKey.Country, k), new FactSums { Visitors = count });
    }

    /// <summary>
    /// One day's sessions: counts per (channel, country) as stored, and the visitors seen. A visitor gets a number the
    /// first time the day sees it, and its pairs with a channel or a country are kept as one long (visitor number,
    /// value number): one string hash per session instead of three (20 million sessions at full size).
    /// </summary>
    private sealed class SessionDay(Dictionary<string, int> valueNumbers, List<string?> values)
    {
        private readonly Dictionary<long, SessionCounts> groups = new();
        public readonly Dictionary<string, int> Visitors = new(StringComparer.Ordinal);
        private readonly HashSet<long> channelVisitors = [];
        private readonly HashSet<long> countryVisitors = [];

        public void Add(string? visitor, string? channel, string? country, bool bounced, bool signedIn, int step)
        {
            var (channelNumber, countryNumber) = (ValueNumber(channel), ValueNumber(country));
            var group = ((long)channelNumber << 32) | (uint)countryNumber;
            if (!groups.TryGetValue(group, out var counts)) groups[group] = counts = new SessionCounts();
            counts.Add(bounced, signedIn, step);
            if (visitor is null) return;
            if (!Visitors.TryGetValue(visitor, out var number)) Visitors[visitor] = number = Visitors.Count;
            channelVisitors.Add(((long)number << 32) | (uint)channelNumber);
            countryVisitors.Add(((long)number << 32) | (uint)countryNumber);
        }

        /// <summary>The counts per stored (channel, country).</summary>
        public IEnumerable<(string? Channel, string? Country, SessionCounts Counts)> Groups =>
            groups.Select(g => (values[(int)(g.Key >> 32)], values[(int)(g.Key & 0xFFFFFFFF)], g.Value));

        /// <summary>The distinct visitors of each stored channel value.</summary>
        public IEnumerable<(string? Value, long Count)> ChannelVisitors => CountPerValue(channelVisitors);

        /// <summary>The distinct visitors of each stored country value.</summary>
        public IEnumerable<(string? Value, long Count)> CountryVisitors => CountPerValue(countryVisitors);

        private IEnumerable<(string? Value, long Count)> CountPerValue(HashSet<long> pairs) =>
            pairs.GroupBy(p => (int)(p & 0xFFFFFFFF)).Select(g => (values[g.Key], g.LongCount()));

        /// <summary>A number per stored value (null included), shared by every day of the rollup.</summary>
        private int ValueNumber(string? value)
        {
            if (value is null) return 0;
            if (!valueNumbers.TryGetValue(value, out var number))
            {
                valueNumbers[value] = number = values.Count;
                values.Add(value);
            }
            return number;
        }
    }

    /// <summary>The traffic counts of one group of sessions.</summary>
    private sealed class SessionCounts
    {
        private long sessions, bounced, signedIn, product, cart, checkout, payment, ordered;

        public void Add(bool isBounced, bool isSignedIn, int step)
        {
            sessions++;
            if (isBounced) bounced++;
            if (isSignedIn) signedIn++;
            if (step >= 1) product++;
            if (step >= 2) cart++;
            if (step >= 3) checkout++;
            if (step >= 4) payment++;
            if (step >= 5) ordered++;
        }

        public FactSums ToSums() => new()
        {
            Sessions = sessions, BouncedSessions = bounced, SignedInSessions = signedIn, ProductStepSessions = product,
            CartStepSessions = cart, CheckoutStepSessions = checkout, PaymentStepSessions = payment, OrderStepSessions = ordered,
        };
    }
}
