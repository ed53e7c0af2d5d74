namespace Monitoring.Shop.Import;

/// <summary>How far an import of one origin is, reported while it runs.</summary>
/// <param name="Origin">What is being read.</param>
/// <param name="Rows">Rows read so far.</param>
/// <param name="Rejected">Rows rejected so far.</param>
/// <param name="Position">Where the reader is (bytes of a file, or rows).</param>
/// <param name="Length">Where it ends, when known.</param>
/// <param name="Elapsed">Time since the origin was opened.</param>
public readonly record struct ImportProgress(string Origin, long Rows, long Rejected, long Position, long? Length, TimeSpan Elapsed)
{
    /// <summary>The share done, 0 to 1, when the length is known.</summary>
    public double? Fraction => Length is > 0 ? Math.Min(1, (double)Position / Length.Value) : null;
}
