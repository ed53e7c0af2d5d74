using System.Buffers.Binary;

namespace Monitoring.Storage.Copy;

/// <summary>
/// The elements of a one-dimensional PostgreSQL array in binary form (as <see cref="PgCopyReader"/> hands a field
/// over), each as its bytes, in order. The wire form: dimension count, a has-nulls flag and the element type; per
/// dimension its length and lower bound; then per element a 32-bit length (-1 for null) and its bytes.
/// </summary>
public ref struct PgArray
{
    private readonly ReadOnlySpan<byte> array;
    private int at;
    private int left;

    /// <summary>Reads the array's header; an empty array (no dimension) has no element.</summary>
    public PgArray(ReadOnlySpan<byte> array)
    {
        this.array = array;
        if (array.Length < 12) throw new InvalidDataException($"an array has at least 12 bytes, not {array.Length}");
        var dimensions = BinaryPrimitives.ReadInt32BigEndian(array);
        if (dimensions > 1) throw new InvalidDataException($"only one-dimensional arrays are read, not {dimensions}");
        Length = dimensions == 0 ? 0 : BinaryPrimitives.ReadInt32BigEndian(array[12..]);
        (at, left) = (dimensions == 0 ? 12 : 20, Length);
    }

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>Whether the current element is null.</summary>
    public bool IsNull { get; private set; }

    /// <summary>The current element's bytes (empty when null).</summary>
    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>Moves to the next element; false after the last.</summary>
    public bool MoveNext()
    {
        if (left == 0) return false;
        left--;
        var length = BinaryPrimitives.ReadInt32BigEndian(array[at..]);
        at += 4;
        IsNull = length < 0;
        Current = IsNull ? [] : array.Slice(at, length);
        if (!IsNull) at += length;
        return true;
    }
}
