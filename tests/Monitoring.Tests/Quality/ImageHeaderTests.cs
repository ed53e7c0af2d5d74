using Monitoring.Quality.Media;
using SkiaSharp;

namespace Monitoring.Tests.Quality;

/// <summary>Pixel sizes read from the first bytes of real files encoded by SkiaSharp, and of a few built by hand.</summary>
public sealed class ImageHeaderTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Png, 80, "png", 321, 123)]
    [InlineData(SKEncodedImageFormat.Jpeg, 80, "jpeg", 321, 123)]
    [InlineData(SKEncodedImageFormat.Webp, 80, "webp", 321, 123)] // lossy: a VP8 chunk
    [InlineData(SKEncodedImageFormat.Webp, 100, "webp", 321, 123)] // lossless: a VP8L chunk
    public void Reads_the_size_of_an_encoded_image(SKEncodedImageFormat format, int quality, string expected, int width, int height)
    {
        var bytes = Encode(width, height, format, quality);

        Assert.Equal(new ImageHeader(expected, width, height), ImageHeader.TryRead(bytes));
    }

    [Fact]
    public void Finds_a_jpeg_frame_after_a_large_exif_segment()
    {
        var jpeg = Encode(1600, 900, SKEncodedImageFormat.Jpeg, 80);
        // SOI, then an APP1 of 60,000 bytes (as a camera's EXIF with a thumbnail), then the rest of the file.
        var app1 = new byte[60_000];
        app1[0] = 0xFF; app1[1] = 0xE1; app1[2] = (60_000 - 2) >> 8; app1[3] = (60_000 - 2) & 0xFF;
        var withExif = jpeg[..2].Concat(app1).Concat(jpeg[2..]).ToArray();

        Assert.Null(ImageHeader.TryRead(withExif.AsSpan(0, 50_000)));
        Assert.Equal(new ImageHeader("jpeg", 1600, 900), ImageHeader.TryRead(withExif));
    }

    [Fact]
    public void Reads_a_gif_and_an_extended_webp()
    {
        var gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
        // RIFF, size, WEBP, VP8X, chunk size 10, flags and reserved (4 bytes), canvas 2000 × 1500 (minus one, 24-bit LE).
        var webp = "RIFF"u8.ToArray().Concat(new byte[4]).Concat("WEBPVP8X"u8.ToArray()).Concat(new byte[] { 10, 0, 0, 0, 0, 0, 0, 0 })
            .Concat(new byte[] { 0xCF, 0x07, 0x00, 0xDB, 0x05, 0x00 }).ToArray();

        Assert.Equal(new ImageHeader("gif", 1, 1), ImageHeader.TryRead(gif));
        Assert.Equal(new ImageHeader("webp", 2000, 1500), ImageHeader.TryRead(webp));
    }

    [Fact]
    public void Text_and_a_file_cut_before_its_size_have_no_header()
    {
        var png = Encode(10, 10, SKEncodedImageFormat.Png, 80);

        Assert.Null(ImageHeader.TryRead("<html><body>Not found</body></html>"u8));
        Assert.Null(ImageHeader.TryRead(png.AsSpan(0, 20)));
        Assert.Null(ImageHeader.TryRead([]));
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }
}
