using System.Buffers.Binary;
using Npgsql;

namespace Monitoring.Storage.Copy;

/// <summary>
/// Reads the rows of a PostgreSQL <c>COPY … TO STDOUT (FORMAT BINARY)</c> from its raw stream, each field as the bytes
/// the server sent, without a .NET object per value. The KPI rollup reads 20 million sessions and 2 million orders
/// with 30 million line values this way: through Npgsql's binary exporter, which converts each value to an object
/// (a string per text, a decimal array per numeric array), decoding alone took 20 CPU seconds for each of the two
/// (measured at the benchmark's full size); the callers here look text up without allocating it
/// (<see cref="Utf8KeyTable"/>) and convert only the numbers they sum (<see cref="PgNumeric"/>).
/// </summary>
/// <remarks>
/// The format (PostgreSQL's documentation, "COPY", binary format): an 11-byte signature, a 32-bit flags field and a
/// header extension of a given length; then per row a 16-bit field count (-1 ends the data) and per field a 32-bit
/// length (-1 for null) followed by that many bytes, all integers big-endian. A whole row is held in the buffer
/// before it is handed over, so its fields stay valid until the next <see cref="ReadRow"/>.
/// </remarks>
public sealed class PgCopyReader : IDisposable
{
    /// <summary>"PGCOPY\n\377\r\n\0".</summary>
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    private readonly Stream stream;
    private byte[] buffer = new byte[1 << 16];
    private int rowStart, end;
    private int[] offsets = new int[16], lengths = new int[16];
    private bool headerRead, finished, caughtUp;

    /// <summary>
    /// A fill that took longer than twice this reader's quickest (what a fill costs when the bytes are there already),
    /// and at least <see cref="WaitedAtLeast"/>, waited for the server to send more. A fixed 200 µs missed most waits
    /// (the server's 8 KB come every 100 µs or so). Measured on the full recompute at full size, this project's
    /// machine: twice the quickest, 24.1 to 26.7 s with the client at 22.4 to 26.1 CPU s; three times, 24.4 to 28.9 s;
    /// 200 µs, 27.7 to 29.3 s with the client at 28.2 to 29.7. A fixed 20 µs was under what a fill costs there, so the
    /// reader paused after every fill: 50 s. Hence a threshold relative to this reader's own fills.
    /// </summary>
    private long quickestFill = long.MaxValue / 4;

    private static readonly long WaitedAtLeast = System.Diagnostics.Stopwatch.Frequency * 50 / 1_000_000;

    /// <summary>Reads from a raw binary COPY stream (<see cref="Start"/> opens one).</summary>
    public PgCopyReader(Stream stream) => this.stream = stream;

    /// <summary>Starts the COPY statement (a <c>COPY (…) TO STDOUT (FORMAT BINARY)</c>) on the connection.</summary>
    /// <remarks>The reads are synchronous, on the caller's thread: read asynchronously, each of the many small network
    /// reads handed the work to another thread-pool thread, and the pool's threads spun while they waited for the
    /// next one; 20 million sessions cost 5 CPU seconds more that way (measured, with the pool's spinning turned off
    /// by <c>DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0</c>), on cores the database needs.</remarks>
    public static PgCopyReader Start(NpgsqlConnection connection, string copyStatement) => new(connection.BeginRawBinaryCopy(copyStatement));

    /// <summary>The number of fields of the current row.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Moves to the next row; false after the last.</summary>
    public bool ReadRow(CancellationToken cancellationToken = default)
    {
        if (finished) return false;
        cancellationToken.ThrowIfCancellationRequested();
        rowStart += RowLength();
        if (!headerRead) ReadHeader();
        var at = 0;
        Ensure(at + 2);
        var count = BinaryPrimitives.ReadInt16BigEndian(buffer.AsSpan(rowStart + at));
        at += 2;
        if (count == -1)
        {
            (finished, FieldCount) = (true, 0);
            // Read the stream to its end, so that the connection is back in its normal state for the next command.
            while (stream.Read(buffer) > 0) { }
            return false;
        }
        if (count > offsets.Length) (offsets, lengths) = (new int[count], new int[count]);
        for (var field = 0; field < count; field++)
        {
            Ensure(at + 4);
            var length = BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(rowStart + at));
            at += 4;
            offsets[field] = at;
            lengths[field] = length;
            if (length > 0)
            {
                Ensure(at + length);
                at += length;
            }
        }
        FieldCount = count;
        return true;
    }

    /// <summary>Whether the field of the current row is null.</summary>
    public bool IsNull(int field) => lengths[Checked(field)] < 0;

    /// <summary>The field's bytes (empty for null: ask <see cref="IsNull"/> first where it matters).</summary>
    public ReadOnlySpan<byte> Bytes(int field) =>
        lengths[Checked(field)] <= 0 ? [] : buffer.AsSpan(rowStart + offsets[field], lengths[field]);

    /// <summary>A <c>bigint</c> field.</summary>
    public long Int64(int field) => BinaryPrimitives.ReadInt64BigEndian(Sized(field, 8));

    /// <summary>An <c>integer</c> field.</summary>
    public int Int32(int field) => BinaryPrimitives.ReadInt32BigEndian(Sized(field, 4));

    private ReadOnlySpan<byte> Sized(int field, int size)
    {
        if (lengths[Checked(field)] != size)
            throw new InvalidDataException($"COPY field {field} has {lengths[field]} bytes, expected a non-null value of {size}");
        return buffer.AsSpan(rowStart + offsets[field], size);
    }

    private int Checked(int field) => field < FieldCount
        ? field
        : throw new ArgumentOutOfRangeException(nameof(field), $"the row has {FieldCount} fields");

    /// <summary>The bytes the current row takes (its count and every field), 0 before the first.</summary>
    private int RowLength()
    {
        if (FieldCount == 0) return 0;
        var last = FieldCount - 1;
        return offsets[last] + Math.Max(lengths[last], 0);
    }

    private void ReadHeader()
    {
        Ensure(Signature.Length + 8);
        if (!buffer.AsSpan(rowStart, Signature.Length).SequenceEqual(Signature))
            throw new InvalidDataException("not a PostgreSQL binary COPY stream (its signature is missing)");
        var extension = BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(rowStart + Signature.Length + 4));
        Ensure(Signature.Length + 8 + extension);
        rowStart += Signature.Length + 8 + extension;
        headerRead = true;
    }

    /// <summary>
    /// Makes sure the buffer holds <paramref name="count"/> bytes from the current row's start, moving the row to the
    /// front or growing the buffer when it does not fit. When it must read, it reads on up to <see cref="FillBytes"/>:
    /// the stream hands over one row per read (one CopyData message), so the time is taken once per fill rather than
    /// per row — a clock reading per row was 1.2 of the 8.7 CPU s the sessions cost (perf, full size).
    /// </summary>
    private void Ensure(int count)
    {
        if (end - rowStart >= count) return;
        if (rowStart + count > buffer.Length || buffer.Length - end < FillBytes)
        {
            var target = count + FillBytes > buffer.Length ? new byte[Math.Max(buffer.Length * 2, count + FillBytes)] : buffer;
            Buffer.BlockCopy(buffer, rowStart, target, 0, end - rowStart);
            (buffer, end, rowStart) = (target, end - rowStart, 0);
        }
        // Caught up with the server: let it send for a millisecond before reading again. The server sends 8 KB at a
        // time, and a reader that waits for each is woken for each (a fifth of the rollup's CPU in a perf profile
        // was the kernel switching threads); after the pause the reads take what came meanwhile. The full
        // recompute's client went from 32-37 to 29.6-30.7 CPU s, the server's from 33-35 to 31-32 (README).
        if (caughtUp) Thread.Sleep(1);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (filled, from) = (end + FillBytes, end);
        while (end - rowStart < count || end < filled)
        {
            var read = stream.Read(buffer.AsSpan(end));
            if (read == 0)
            {
                if (end - rowStart < count) throw new EndOfStreamException("the COPY stream ended in the middle of a row");
                break;
            }
            end += read;
        }
        var took = System.Diagnostics.Stopwatch.GetTimestamp() - started;
        if (end - from >= FillBytes && took < quickestFill) quickestFill = took;
        caughtUp = took > Math.Max(WaitedAtLeast, 2 * quickestFill);
    }

    /// <summary>How much one fill of the buffer reads at least (more when a row needs it).</summary>
    private const int FillBytes = 32 * 1024;

    public void Dispose() => stream.Dispose();
}
