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
    // Value number n (1, 2 …) is the table's key n - 1; 0 is null.
    private readonly Copy.Utf8KeyTable valueKeys = new();
    private readonly List<string?> values = [null];

    // A closed day's collections are cleared and used for a later day: allocated again for each of 730 days (and
    // grown from empty each time) they were half of what a full recompute allocated, 4.3 GB (measured).
    private readonly Stack<SessionDay> spare = new();
    private SessionDay? current;
    private long currentDay;

    /// <summary>One session: its day number, visitor, channel and country as stored, and its funnel figures.</summary>
    public void Add(long day, string? visitor, string? channel, string? country, bool bounced, bool signedIn, int step)
    {
        var state = Day(day);
        state.Add(visitor is null ? -1 : state.VisitorNumber(visitor), ValueNumber(channel), ValueNumber(country), bounced, signedIn, step);
    }

    /// <summary>The state of an open day, for a caller that numbers the visitor and the values itself (from bytes,
    /// <see cref="SessionDay.VisitorNumber(ReadOnlySpan{byte})"/>, <see cref="ValueNumber(ReadOnlySpan{byte})"/>):
    /// opening it closes the days more than one before it.</summary>
    public SessionDay Day(long day)
    {
        if (current is not null && currentDay == day) return current;
        if (!open.TryGetValue(day, out var state))
        {
            while (open.Count > 0 && open.Keys.First() < day - 1) Close(open.Keys.First());
            open[day] = state = spare.Count > 0 ? spare.Pop() : new SessionDay();
        }
        (current, currentDay) = (state, day);
        return state;
    }

    /// <summary>A number per stored value (0 for null), shared by every day of the rollup.</summary>
    public int ValueNumber(string? value) => value is null ? 0 : Numbered(valueKeys.GetOrAdd(value), value);

    /// <summary>The number of a stored value read as UTF-8 (not null), without making a string once it is known.</summary>
    public int ValueNumber(ReadOnlySpan<byte> utf8)
    {
        var key = valueKeys.GetOrAdd(utf8);
        return key + 1 < values.Count ? key + 1 : Numbered(key, System.Text.Encoding.UTF8.GetString(utf8));
    }

    private int Numbered(int key, string value)
    {
        if (key + 1 == values.Count) values.Add(value);
        return key + 1;
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
        if (ReferenceEquals(state, current)) current = null;
        foreach (var (channelNumber, countryNumber, sums) in state!.Groups)
        {
            var (channel, country) = (values[channelNumber], values[countryNumber]);
            var row = sums.ToSums();
            cells.Add(day, SegmentKey.All, row);
            if (KpiCells.Text(channel) is { } c) cells.Add(day, new SegmentKey(SegmentKey.AcquisitionChannel, c), row);
            if (KpiCells.Text(country) is { } k) cells.Add(day, new SegmentKey(SegmentKey.Country, k), row);
        }
        // Distinct per stored value: two stored spellings of one channel ("web", "web ") count a visitor once each,
        // as the grouped SQL's windows (partitioned by the stored value) did.
        cells.Add(day, SegmentKey.All, new FactSums { Visitors = state.VisitorCount });
        foreach (var (channel, count) in state.ChannelVisitors)
            if (KpiCells.Text(values[channel]) is { } c) cells.Add(day, new SegmentKey(SegmentKey.AcquisitionChannel, c), new FactSums { Visitors = count });
        foreach (var (country, count) in state.CountryVisitors)
            if (KpiCells.Text(values[country]) is { } k) cells.Add(day, new SegmentKey(SegmentKey.Country, k), new FactSums { Visitors = count });
        state.Clear();
        spare.Push(state);
    }

    /// <summary>
    /// One day's sessions: counts per (channel, country) value numbers, and the visitors seen. A visitor gets a number
    /// the first time the day sees it, and its pairs with a channel or a country are kept as one long (visitor number,
    /// value number): one string hash per session instead of three (20 million sessions at full size).
    /// </summary>
    public sealed class SessionDay
    {
        private readonly Dictionary<long, SessionCounts> groups = new();
        private readonly Copy.Utf8KeyTable visitors = new();
        private readonly HashSet<long> channelVisitors = [];
        private readonly HashSet<long> countryVisitors = [];

        /// <summary>The distinct visitors of the day.</summary>
        public int VisitorCount => visitors.Count;

        /// <summary>The day's number of a visitor.</summary>
        public int VisitorNumber(string visitor) => visitors.GetOrAdd(visitor);

        /// <summary>The day's number of a visitor read as UTF-8.</summary>
        public int VisitorNumber(ReadOnlySpan<byte> utf8) => visitors.GetOrAdd(utf8);

        /// <summary>One session: its visitor's number (-1 without a visitor) and its values' numbers.</summary>
        public void Add(int visitor, int channel, int country, bool bounced, bool signedIn, int step)
        {
            var group = ((long)channel << 32) | (uint)country;
            if (!groups.TryGetValue(group, out var counts)) groups[group] = counts = new SessionCounts();
            counts.Add(bounced, signedIn, step);
            if (visitor < 0) return;
            channelVisitors.Add(((long)visitor << 32) | (uint)channel);
            countryVisitors.Add(((long)visitor << 32) | (uint)country);
        }

        /// <summary>The counts per (channel, country) value numbers.</summary>
        internal IEnumerable<(int Channel, int Country, SessionCounts Counts)> Groups =>
            groups.Select(g => ((int)(g.Key >> 32), (int)(g.Key & 0xFFFFFFFF), g.Value));

        /// <summary>The distinct visitors of each channel value number.</summary>
        public IEnumerable<(int Value, long Count)> ChannelVisitors => CountPerValue(channelVisitors);

        /// <summary>The distinct visitors of each country value number.</summary>
        public IEnumerable<(int Value, long Count)> CountryVisitors => CountPerValue(countryVisitors);

        private static IEnumerable<(int Value, long Count)> CountPerValue(HashSet<long> pairs)
        {
            var counts = new Dictionary<int, long>();
            foreach (var pair in pairs) counts[(int)(pair & 0xFFFFFFFF)] = counts.GetValueOrDefault((int)(pair & 0xFFFFFFFF)) + 1;
            return counts.Select(c => (c.Key, c.Value));
        }

        /// <summary>Empties the day for reuse (the collections keep their capacity).</summary>
        public void Clear()
        {
            groups.Clear();
            visitors.Clear();
            channelVisitors.Clear();
            countryVisitors.Clear();
        }
    }

    /// <summary>The traffic counts of one group of sessions.</summary>
    internal sealed class SessionCounts
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
