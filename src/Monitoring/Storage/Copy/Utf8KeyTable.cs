using System.Text;

namespace Monitoring.Storage.Copy;

/// <summary>
/// Numbers distinct UTF-8 keys 0, 1, 2 … in the order they are first added, and finds a key's number from its bytes
/// as <see cref="PgCopyReader"/> hands them over, with no object per key: the keys' bytes are kept side by side in
/// one array and the table is open addressing over their numbers. The KPI rollup numbers 20 million sessions' visitors
/// (a day at a time), their channels and countries, and 10 million order lines' SKUs this way; a string-keyed
/// dictionary searched with the decoded characters spent 6 of the process's 41 CPU seconds on that (measured).
/// </summary>
/// <remarks>Hashes are <see cref="HashCode"/>'s, seeded per process, so crafted keys (visitor ids come from
/// browsers) cannot be chosen to collide.</remarks>
public sealed class Utf8KeyTable
{
    private byte[] bytes = new byte[4096];
    private int used;
    private int[] starts = new int[64], lengths = new int[64], hashes = new int[64];
    private int[] slots = new int[128]; // number + 1 per slot, 0 when empty; a power of two, at most half full

    /// <summary>The keys added so far.</summary>
    public int Count { get; private set; }

    /// <summary>The key's number, or -1 when it was never added.</summary>
    public int Find(ReadOnlySpan<byte> key) => Find(key, Hash(key));

    /// <summary>The key's number, the next one when it is new.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        var found = Find(key, hash);
        return found >= 0 ? found : Add(key, hash);
    }

    /// <summary>The number of a key given as text (encoded to UTF-8), the next one when it is new.</summary>
    public int GetOrAdd(string key)
    {
        var length = Encoding.UTF8.GetByteCount(key);
        Span<byte> utf8 = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(key, utf8);
        return GetOrAdd(utf8);
    }

    /// <summary>The bytes of the key with this number.</summary>
    public ReadOnlySpan<byte> KeyOf(int number) => bytes.AsSpan(starts[number], lengths[number]);

    /// <summary>Forgets every key, keeping the room they took for the next ones.</summary>
    public void Clear()
    {
        Array.Clear(slots);
        (used, Count) = (0, 0);
    }

    private int Find(ReadOnlySpan<byte> key, int hash)
    {
        var mask = slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot] - 1;
            if (entry < 0) return -1;
            if (hashes[entry] == hash && key.SequenceEqual(bytes.AsSpan(starts[entry], lengths[entry]))) return entry;
        }
    }

    private int Add(ReadOnlySpan<byte> key, int hash)
    {
        var number = Count++;
        if (number == starts.Length)
        {
            Array.Resize(ref starts, number * 2);
            Array.Resize(ref lengths, number * 2);
            Array.Resize(ref hashes, number * 2);
        }
        if (used + key.Length > bytes.Length) Array.Resize(ref bytes, Math.Max(bytes.Length * 2, used + key.Length));
        key.CopyTo(bytes.AsSpan(used));
        (starts[number], lengths[number], hashes[number]) = (used, key.Length, hash);
        used += key.Length;
        if (Count * 2 > slots.Length) Grow();
        else Place(number);
        return number;
    }

    private void Grow()
    {
        slots = new int[slots.Length * 2];
        for (var number = 0; number < Count; number++) Place(number);
    }

    private void Place(int number)
    {
        var mask = slots.Length - 1;
        var slot = hashes[number] & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = number + 1;
    }

    private static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = new HashCode();
        hash.AddBytes(key);
        // Spread the high bits into the low ones the mask keeps.
        var value = hash.ToHashCode();
        return value ^ (value >>> 16);
    }
}
