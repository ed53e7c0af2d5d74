using System.Buffers.Binary;

namespace Monitoring.Storage.Copy;

/// <summary>
/// PostgreSQL's binary <c>numeric</c> (as <see cref="PgCopyReader"/> hands it over) converted to a decimal with the
/// value and the scale Npgsql gives it (12.50 stays 12.50), without the objects a general reader makes.
/// </summary>
/// <remarks>
/// The wire form: 16-bit digit count, weight (the power of 10 000 of the first digit), sign (0x0000 positive, 0x4000
/// negative, 0xC000 NaN, 0xD000/0xF000 infinities) and display scale, then the digits, each 0–9999, base 10 000. The
/// value is Σ digitᵢ × 10 000^(weight − i), shown with <c>dscale</c> decimal places.
/// </remarks>
public static class PgNumeric
{
    private const ushort Negative = 0x4000;
    private const ushort NotANumber = 0xC000;
    private const ushort PositiveInfinity = 0xD000;
    private const ushort NegativeInfinity = 0xF000;

    /// <summary>The numeric's value. Throws <see cref="OverflowException"/> for one a decimal cannot hold (more than
    /// 28 significant digits, or a scale above 28) and <see cref="InvalidCastException"/> for NaN and infinities, as
    /// Npgsql does.</summary>
    public static decimal ToDecimal(ReadOnlySpan<byte> value)
    {
        if (value.Length < 8) throw new InvalidDataException($"a numeric has at least 8 bytes, not {value.Length}");
        var digits = BinaryPrimitives.ReadInt16BigEndian(value);
        var weight = BinaryPrimitives.ReadInt16BigEndian(value[2..]);
        var sign = BinaryPrimitives.ReadUInt16BigEndian(value[4..]);
        var scale = BinaryPrimitives.ReadInt16BigEndian(value[6..]);
        if (sign is NotANumber or PositiveInfinity or NegativeInfinity)
            throw new InvalidCastException("numeric NaN or infinity cannot be read as a decimal");
        if (value.Length != 8 + 2 * digits) throw new InvalidDataException($"a numeric of {digits} digits has {8 + 2 * digits} bytes, not {value.Length}");
        if (scale > 28) throw new OverflowException($"numeric scale {scale} is more than a decimal holds");

        // The digits as one integer (UInt128 holds 28 decimal digits and more), then placed at the display scale:
        // the integer stands for digits × 10 000^(weight − digits + 1), i.e. 4 × (digits − 1 − weight) decimal places.
        UInt128 mantissa = 0;
        for (var i = 0; i < digits; i++)
        {
            if (mantissa > UInt128.MaxValue / 10_000) throw new OverflowException("numeric value has more digits than a decimal holds");
            mantissa = mantissa * 10_000 + BinaryPrimitives.ReadUInt16BigEndian(value[(8 + 2 * i)..]);
        }
        var places = 4 * (digits - 1 - weight);
        for (; places > scale; places--)
        {
            // Digits beyond the display scale are zeros of the last base-10 000 group (PostgreSQL rounds to dscale).
            mantissa /= 10;
        }
        for (; places < scale; places++)
        {
            if (mantissa > UInt128.MaxValue / 10) throw new OverflowException("numeric value has more digits than a decimal holds");
            mantissa *= 10;
        }
        if (mantissa >> 96 != 0) throw new OverflowException("numeric value has more digits than a decimal holds");
        return new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), sign == Negative, (byte)scale);
    }
}
