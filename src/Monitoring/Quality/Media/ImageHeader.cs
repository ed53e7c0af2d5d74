using System.Buffers.Binary;

namespace Monitoring.Quality.Media;

/// <summary>
/// An image's format and pixel size read from its first bytes, so that a probe never downloads the whole file: PNG
/// (the IHDR chunk, bytes 16–23), GIF (the logical screen, bytes 6–9), WebP (the VP8, VP8L or VP8X chunk) and JPEG
/// (the first start-of-frame marker, after any EXIF or ICC segments, which is why more than a few bytes may be needed).
/// </summary>
public readonly record struct ImageHeader(string Format, int Width, int Height)
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The header of <paramref name="data"/>, or null when it is not one of the four formats or is cut before
    /// its size (read more bytes and try again).</summary>
    public static ImageHeader? TryRead(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 24 && data[..8].SequenceEqual(PngSignature) && data.Slice(12, 4).SequenceEqual("IHDR"u8))
            return Sized("png", BinaryPrimitives.ReadInt32BigEndian(data[16..]), BinaryPrimitives.ReadInt32BigEndian(data[20..]));
        if (data.Length >= 10 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8)))
            return Sized("gif", BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..]));
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
            return WebP(data);
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
            return Jpeg(data);
        return null;
    }

    private static ImageHeader? WebP(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30) return null;
        var chunk = data.Slice(12, 4);
        // Lossy: a key frame's start code 9D 01 2A, then 14-bit width and height.
        if (chunk.SequenceEqual("VP8 "u8) && data[23] == 0x9D && data[24] == 0x01 && data[25] == 0x2A)
            return Sized("webp", BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        // Lossless: signature 2F, then width − 1 and height − 1 in 14 bits each.
        if (chunk.SequenceEqual("VP8L"u8) && data[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return Sized("webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        // Extended: canvas width − 1 and height − 1 in 24 bits each.
        if (chunk.SequenceEqual("VP8X"u8))
            return Sized("webp", (data[24] | data[25] << 8 | data[26] << 16) + 1, (data[27] | data[28] << 8 | data[29] << 16) + 1);
        return null;
    }

    private static ImageHeader? Jpeg(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF) return null;
            var marker = data[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            // Markers without a length: TEM, RSTn, SOI.
            if (marker is 0x01 or >= 0xD0 and <= 0xD8) { i += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            // Start of frame: every SOFn but DHT (C4), JPG (C8) and DAC (CC). Height comes before width.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (i + 9 > data.Length) return null;
                return Sized("jpeg", BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]));
            }
            if (marker is 0xD9 or 0xDA) return null; // end of image or start of scan before any frame: not an image we can size
            i += 2 + length;
        }
        return null;
    }

    private static ImageHeader? Sized(string format, int width, int height) =>
        width > 0 && height > 0 ? new ImageHeader(format, width, height) : null;
}
