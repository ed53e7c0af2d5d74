namespace Monitoring.Shop.Demo;

/// <summary>Product descriptions in the three catalogue locales, assembled from sentences so they read as written.</summary>
internal static class DemoTexts
{
    public const string Main = "fr-FR";
    public static readonly string[] Translated = ["en-GB", "de-DE"];

    private static readonly string[] French =
    [
        "Conçu pour un usage professionnel intensif, sur chantier comme en atelier.",
        "Qualité constante, contrôlée lot par lot par le fabricant.",
        "Compatible avec les accessoires et consommables standard du marché.",
        "Garantie fabricant de deux ans, pièces et main-d'œuvre.",
        "Conforme aux normes européennes en vigueur (marquage CE).",
        "Un choix économique pour les équipes qui renouvellent souvent leur matériel.",
        "Conditionnement pensé pour le stockage en rayonnage et la préparation de commandes.",
        "Fiche technique et fiche de données de sécurité disponibles sur demande.",
    ];

    private static readonly string[] English =
    [
        "Built for heavy professional use, on site and in the workshop.",
        "Consistent quality, checked batch by batch by the manufacturer.",
        "Fits the standard accessories and consumables on the market.",
        "Two-year manufacturer warranty on parts and labour.",
        "Complies with current European standards (CE marking).",
        "An economical choice for teams that replace their equipment often.",
    ];

    private static readonly string[] German =
    [
        "Für den intensiven professionellen Einsatz auf der Baustelle und in der Werkstatt.",
        "Gleichbleibende Qualität, vom Hersteller chargenweise geprüft.",
        "Passend zu handelsüblichem Zubehör und Verbrauchsmaterial.",
        "Zwei Jahre Herstellergarantie auf Teile und Arbeitszeit.",
        "Entspricht den geltenden europäischen Normen (CE-Kennzeichnung).",
    ];

    /// <summary>A full description: the product line then two or three sentences, always 50 characters or more.</summary>
    public static string Describe(Random rng, string locale, string noun, string variant, string brand)
    {
        var (sentences, intro) = locale switch
        {
            "en-GB" => (English, $"{noun} {variant} by {brand}."),
            "de-DE" => (German, $"{noun} {variant} von {brand}."),
            _ => (French, $"{noun} {variant} de la marque {brand}."),
        };
        var picked = sentences.OrderBy(_ => rng.Next()).Take(rng.Next(2, 4));
        return intro + " " + string.Join(" ", picked);
    }

    /// <summary>A description under 50 characters, the kind a hurried import leaves.</summary>
    public static string Short(string noun, string variant)
    {
        var text = $"{noun} {variant}.";
        return text.Length < 50 ? text : text[..48] + ".";
    }
}
