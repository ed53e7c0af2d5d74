using System.Text;

namespace Monitoring.Storage.Copy;

/// <summary>
/// Text read as UTF-8 bytes (<see cref="PgCopyReader"/>), looked up in string-keyed dictionaries without making a
/// string per value: the bytes are decoded into a stack buffer and the dictionary searched with the characters
/// (.NET's alternate lookup). A string is made only for a value the dictionary does not hold yet.
/// </summary>
public static class Utf8Text
{
    /// <summary>Values longer than this (in bytes) are decoded into a string; the rollup's keys are far shorter.</summary>
    private const int StackLimit = 512;

    /// <summary>The dictionary's value for the text, or false when it holds none. The dictionary must compare
    /// ordinally (<see cref="StringComparer.Ordinal"/>).</summary>
    public static bool TryGetValue<TValue>(Dictionary<string, TValue> dictionary, ReadOnlySpan<byte> utf8, out TValue value) =>
        TryGetValue(dictionary.GetAlternateLookup<ReadOnlySpan<char>>(), utf8, out value);

    /// <summary>The same through the dictionary's character lookup, made once by the caller
    /// (<c>dictionary.GetAlternateLookup&lt;ReadOnlySpan&lt;char&gt;&gt;()</c>: making it checks the comparer, which
    /// cost as much as the search, once per row).</summary>
    public static bool TryGetValue<TValue>(Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<byte> utf8,
        out TValue value)
    {
        if (utf8.Length > StackLimit) return lookup.Dictionary.TryGetValue(Encoding.UTF8.GetString(utf8), out value!);
        Span<char> chars = stackalloc char[utf8.Length];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        return lookup.TryGetValue(chars[..length], out value!);
    }
}
