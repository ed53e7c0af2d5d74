using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace DemoShop.Catalog;

/// <summary>
/// The product images and data sheets the demo data's media rows point to, under <c>/media/p/{sku}/{file}</c>, so
/// that the quality scan's media probe meets real files: <c>{n}-{width}x{height}.jpg</c> or <c>.png</c> is an image
/// of that size (generated once per size and kept), <c>fiche-technique.pdf</c> a one-page PDF, and anything else (the
/// generator's broken media, <c>{n}-gone.jpg</c>) a 404. HEAD and byte ranges are answered, as by a real CDN.
/// </summary>
public static partial class ProductMedia
{
    [GeneratedRegex(@"^(\d{1,2})-(\d{1,4})x(\d{1,4})\.(jpg|png)$")]
    private static partial Regex ImageName();

    private static readonly ConcurrentDictionary<(int, int, string), byte[]> Images = new();

    private static readonly byte[] DataSheet = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public static void MapProductMedia(this WebApplication app) =>
        app.MapMethods("/media/p/{sku}/{file}", ["GET", "HEAD"], (string sku, string file) =>
        {
            if (file == "fiche-technique.pdf") return Results.Bytes(DataSheet, "application/pdf", enableRangeProcessing: true);
            var match = ImageName().Match(file);
            if (!match.Success) return Results.NotFound();
            var width = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var height = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
            if (width is < 1 or > 4000 || height is < 1 or > 4000) return Results.NotFound();
            var format = match.Groups[4].Value;
            var bytes = Images.GetOrAdd((width, height, format), key => Render(key.Item1, key.Item2, key.Item3));
            return Results.Bytes(bytes, format == "png" ? "image/png" : "image/jpeg", enableRangeProcessing: true);
        });

    /// <summary>A plain picture: a light background and a darker block, the shade varying with the size.</summary>
    private static byte[] Render(int width, int height, string format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(235, 238, 242));
            using var paint = new SKPaint { Color = new SKColor((byte)(40 + width % 150), 90, (byte)(60 + height % 150)) };
            canvas.DrawRect(width / 5f, height / 5f, width * 3 / 5f, height * 3 / 5f, paint);
        }
        using var data = bitmap.Encode(format == "png" ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
