using SkiaSharp;

namespace Monitoring.Tests.Charts;

/// <summary>Whether bytes are a PNG a decoder reads back with a size: the signature alone would accept a truncated file.</summary>
public static class PngFile
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsValid(byte[] bytes)
    {
        if (bytes.Length < Signature.Length || !bytes.AsSpan(0, Signature.Length).SequenceEqual(Signature)) return false;
        using var bitmap = SKBitmap.Decode(bytes);
        return bitmap is { Width: > 0, Height: > 0 };
    }
}
