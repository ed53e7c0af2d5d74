using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Monitoring.Quality.Validators;

/// <summary>
/// A company name reduced to what identifies it, for near-duplicate detection: lower case, accents removed,
/// punctuation and the legal form dropped ("Dupont S.A.R.L." and "DUPONT sarl" are the same company).
/// </summary>
public static partial class CompanyName
{
    /// <summary>Legal forms of the shop's markets, written without dots (they are removed first): FR, BE, LU, DE, AT,
    /// ES, IT, PT, NL, PL, IE/UK, and generic English ones.</summary>
    private static readonly HashSet<string> LegalForms =
    [
        "sa", "sarl", "sas", "sasu", "eurl", "snc", "sci", "scop", "selarl", "sprl", "srl", "sc", "scrl", "asbl", "nv", "bv",
        "bvba", "cv", "vof", "gmbh", "ag", "kg", "ohg", "ug", "ev", "eg", "gbr", "co", "sl", "slu", "sll", "scp", "spa",
        "sapa", "snc", "sas", "lda", "unipessoal", "ltd", "limited", "plc", "llp", "llc", "inc", "corp", "cie", "et", "and",
        "spzoo", "sp", "zoo", "ska", "sk",
    ];

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();

    public static string Normalise(string name)
    {
        var decomposed = name.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            // Dots go without a space, so that "S.A.R.L." becomes "sarl" and "Sp. z o.o." "sp z oo".
            if (c != '.') plain.Append(c == '&' ? ' ' : c);
        }
        var words = NonAlphanumeric().Replace(plain.ToString().Replace("z oo", "zoo", StringComparison.Ordinal), " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(w => !LegalForms.Contains(w)).ToArray();
        // A name that is only a legal form ("SA") keeps its words rather than becoming empty.
        return string.Join(' ', kept.Length > 0 ? kept : words);
    }
}
