using System.Globalization;
using System.Text;

namespace DemoShop.Catalog;

/// <summary>A node of the category tree: its slug (the <c>/c/{slug}</c> address), its path and its children.</summary>
public sealed class ShopCategory(string slug, string name, string path, ShopCategory? parent)
{
    public string Slug { get; } = slug;
    public string Name { get; } = name;

    /// <summary>The levels down to this one, joined with <c>" > "</c>.</summary>
    public string Path { get; } = path;

    public ShopCategory? Parent { get; } = parent;
    public List<ShopCategory> Children { get; } = [];

    /// <summary>Products of this category and all its descendants, in catalogue order.</summary>
    public List<ShopProduct> Products { get; } = [];
}

/// <summary>Slugs and accent-free comparison keys for names such as <c>Outillage à main</c>.</summary>
public static class Text
{
    /// <summary>Lower case, accents removed, anything but letters and digits turned into single dashes.</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in Fold(text))
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().TrimEnd('-');
    }

    /// <summary>Lower case without accents, for matching searches.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(char.ToLowerInvariant(c));
        return builder.ToString().Replace("œ", "oe").Replace("æ", "ae");
    }
}
