namespace Monitoring.Shop.Demo;

/// <summary>
/// A leaf of the three-level category tree (French, the catalogue's main locale) with its product noun in the two
/// translated locales, and what its products cost and weigh. Consumables sell in packs and by larger quantities.
/// </summary>
internal sealed record DemoCategory(string Top, string Middle, string Leaf, string English, string German,
    double MinPrice, double MaxPrice, double MinKg, double MaxKg, bool Consumable, string[] Variants)
{
    public string Path => $"{Top} > {Middle} > {Leaf}";
}

internal static class DemoCategories
{
    private const string Power = "Outillage électroportatif", Hand = "Outillage à main", Fix = "Fixations",
        Ppe = "Équipements de protection", Elec = "Électricité", Plumb = "Plomberie", Care = "Entretien et hygiène",
        Pack = "Emballage", Handling = "Manutention";

    public static IReadOnlyList<DemoCategory> All { get; } =
    [
        new(Power, "Perçage", "Perceuse-visseuse sans fil", "Cordless drill driver", "Akku-Bohrschrauber", 79, 420, 1.2, 2.6, false, ["12 V", "18 V", "18 V brushless", "36 V"]),
        new(Power, "Perçage", "Perforateur SDS+", "SDS+ rotary hammer", "SDS+ Bohrhammer", 119, 690, 2.2, 5.5, false, ["800 W", "1050 W", "18 V", "1500 W"]),
        new(Power, "Sciage", "Scie circulaire", "Circular saw", "Handkreissäge", 99, 480, 3.0, 6.0, false, ["Ø 165 mm", "Ø 190 mm", "Ø 235 mm"]),
        new(Power, "Sciage", "Scie sauteuse", "Jigsaw", "Stichsäge", 69, 320, 1.8, 3.0, false, ["650 W", "750 W", "18 V"]),
        new(Power, "Ponçage", "Ponceuse orbitale", "Random orbital sander", "Exzenterschleifer", 59, 390, 1.2, 2.5, false, ["Ø 125 mm", "Ø 150 mm"]),
        new(Power, "Ponçage", "Meuleuse d'angle", "Angle grinder", "Winkelschleifer", 49, 360, 1.8, 4.5, false, ["Ø 115 mm", "Ø 125 mm", "Ø 230 mm"]),
        new(Hand, "Serrage", "Clé mixte", "Combination spanner", "Ringmaulschlüssel", 3.5, 38, 0.05, 0.6, false, ["8 mm", "10 mm", "13 mm", "17 mm", "19 mm"]),
        new(Hand, "Serrage", "Clé à cliquet", "Ratchet wrench", "Umschaltknarre", 12, 95, 0.3, 1.2, false, ["1/4\"", "3/8\"", "1/2\""]),
        new(Hand, "Frappe", "Marteau de menuisier", "Claw hammer", "Schreinerhammer", 9, 49, 0.4, 1.0, false, ["250 g", "400 g", "600 g"]),
        new(Hand, "Frappe", "Massette", "Club hammer", "Fäustel", 11, 45, 1.0, 2.2, false, ["1 kg", "1,5 kg", "2 kg"]),
        new(Hand, "Mesure", "Mètre ruban", "Tape measure", "Maßband", 4.5, 35, 0.1, 0.5, false, ["3 m", "5 m", "8 m", "10 m"]),
        new(Hand, "Mesure", "Niveau à bulle", "Spirit level", "Wasserwaage", 9, 120, 0.3, 2.0, false, ["40 cm", "60 cm", "100 cm", "180 cm"]),
        new(Fix, "Vis", "Vis à bois tête fraisée", "Countersunk wood screws", "Senkkopf-Holzschrauben", 3.9, 32, 0.2, 2.5, true, ["4x30 x200", "4x40 x200", "5x50 x100", "6x80 x100"]),
        new(Fix, "Vis", "Vis à tôle autoperceuse", "Self-drilling sheet metal screws", "Bohrschrauben", 5.5, 45, 0.3, 2.0, true, ["4,2x19 x500", "4,8x25 x250", "5,5x32 x100"]),
        new(Fix, "Chevilles", "Cheville nylon", "Nylon wall plugs", "Nylondübel", 2.9, 28, 0.1, 1.0, true, ["Ø 6 x100", "Ø 8 x100", "Ø 10 x50"]),
        new(Fix, "Chevilles", "Cheville métallique à expansion", "Metal expansion anchors", "Metall-Hohlraumdübel", 6, 55, 0.3, 2.0, true, ["M6 x50", "M8 x25", "M10 x25"]),
        new(Fix, "Boulonnerie", "Écrou hexagonal inox", "Stainless hex nuts", "Sechskantmuttern Edelstahl", 3.2, 24, 0.2, 1.5, true, ["M6 x100", "M8 x100", "M10 x50", "M12 x50"]),
        new(Fix, "Boulonnerie", "Rondelle plate", "Flat washers", "Unterlegscheiben", 2.2, 16, 0.1, 1.0, true, ["M6 x200", "M8 x200", "M10 x100"]),
        new(Ppe, "Protection des mains", "Gants de manutention", "Handling gloves", "Montagehandschuhe", 1.6, 12, 0.05, 0.2, true, ["T8", "T9", "T10", "T11"]),
        new(Ppe, "Protection des mains", "Gants nitrile jetables", "Disposable nitrile gloves", "Nitril-Einweghandschuhe", 5.9, 19, 0.4, 0.8, true, ["S x100", "M x100", "L x100", "XL x100"]),
        new(Ppe, "Protection de la tête", "Casque de chantier", "Safety helmet", "Schutzhelm", 8, 65, 0.3, 0.6, false, ["blanc", "jaune", "bleu", "rouge"]),
        new(Ppe, "Protection de la tête", "Lunettes de protection", "Safety glasses", "Schutzbrille", 3.5, 29, 0.03, 0.1, true, ["incolore", "teintée", "anti-buée"]),
        new(Ppe, "Vêtements de travail", "Gilet haute visibilité", "High-visibility vest", "Warnweste", 2.9, 25, 0.1, 0.3, true, ["M", "L", "XL", "XXL"]),
        new(Ppe, "Vêtements de travail", "Chaussures de sécurité S3", "S3 safety shoes", "Sicherheitsschuhe S3", 39, 159, 1.2, 1.9, false, ["39", "41", "43", "45"]),
        new(Elec, "Câbles", "Câble rigide H07V-U", "H07V-U solid cable", "Aderleitung H07V-U", 14, 120, 1.0, 8.0, true, ["1,5 mm² 100 m", "2,5 mm² 100 m", "6 mm² 50 m"]),
        new(Elec, "Câbles", "Rallonge électrique", "Extension cable", "Verlängerungskabel", 12, 89, 0.8, 4.5, false, ["10 m", "25 m", "40 m"]),
        new(Elec, "Éclairage", "Projecteur LED de chantier", "LED site floodlight", "LED-Baustrahler", 19, 189, 0.8, 4.0, false, ["20 W", "50 W", "100 W"]),
        new(Elec, "Éclairage", "Baladeuse LED", "LED inspection lamp", "LED-Handleuchte", 14, 79, 0.3, 1.0, false, ["rechargeable", "filaire 5 m", "magnétique"]),
        new(Plumb, "Raccords", "Raccord laiton à visser", "Brass threaded fitting", "Messing-Gewindefitting", 1.8, 19, 0.05, 0.4, true, ["15x21", "20x27", "26x34"]),
        new(Plumb, "Raccords", "Raccord PER à sertir", "PEX press fitting", "PEX-Pressfitting", 2.5, 22, 0.05, 0.3, true, ["Ø 12", "Ø 16", "Ø 20"]),
        new(Plumb, "Robinetterie", "Robinet d'arrêt quart de tour", "Quarter-turn stop valve", "Absperrventil", 6.5, 49, 0.2, 0.8, false, ["15x21", "20x27"]),
        new(Plumb, "Robinetterie", "Mitigeur évier", "Sink mixer tap", "Spültischarmatur", 39, 229, 1.2, 3.0, false, ["bec haut", "douchette", "bec bas"]),
        new(Care, "Nettoyage", "Nettoyant multi-usages", "All-purpose cleaner", "Allzweckreiniger", 4.5, 39, 1.0, 10.5, true, ["1 L", "5 L", "10 L"]),
        new(Care, "Nettoyage", "Essuie-mains en bobine", "Centrefeed hand towel roll", "Innenabrollung Handtuchrolle", 9, 49, 3.0, 9.0, true, ["x6", "x12"]),
        new(Care, "Hygiène", "Savon mains professionnel", "Professional hand soap", "Handwaschseife", 5, 35, 0.5, 5.5, true, ["500 mL", "1 L", "5 L"]),
        new(Care, "Hygiène", "Sacs poubelle renforcés", "Heavy-duty bin bags", "Müllsäcke extra stark", 6, 45, 1.0, 8.0, true, ["50 L x200", "110 L x100", "130 L x100"]),
        new(Pack, "Cartons", "Carton double cannelure", "Double-wall box", "Zweiwellige Faltkiste", 11, 65, 4.0, 18.0, true, ["30x20x20 x20", "40x30x30 x20", "60x40x40 x10"]),
        new(Pack, "Cartons", "Étui postal", "Postal wrap", "Versandverpackung", 8, 45, 1.5, 8.0, true, ["A5 x50", "A4 x50", "A3 x25"]),
        new(Pack, "Adhésifs", "Ruban adhésif d'emballage", "Packing tape", "Packband", 1.2, 9, 0.15, 0.5, true, ["48 mm x66 m", "50 mm x100 m", "75 mm x66 m"]),
        new(Pack, "Adhésifs", "Film étirable manuel", "Hand stretch film", "Handstretchfolie", 9, 38, 2.0, 3.5, true, ["17 µ", "20 µ", "23 µ"]),
        new(Handling, "Chariots", "Diable de manutention", "Hand truck", "Sackkarre", 59, 390, 8.0, 25.0, false, ["150 kg", "250 kg", "350 kg"]),
        new(Handling, "Chariots", "Transpalette manuel", "Manual pallet truck", "Handhubwagen", 249, 890, 60.0, 90.0, false, ["2000 kg", "2500 kg", "3000 kg"]),
        new(Handling, "Stockage", "Bac à bec", "Open-front storage bin", "Sichtlagerkasten", 1.9, 24, 0.1, 1.5, true, ["taille 2", "taille 3", "taille 4", "taille 5"]),
        new(Handling, "Stockage", "Rayonnage métallique", "Steel shelving unit", "Steckregal", 79, 590, 15.0, 65.0, false, ["5 niveaux", "4 niveaux 150 kg", "4 niveaux 265 kg"]),
    ];

    /// <summary>Fictional brands, so no real trademark appears in demo data.</summary>
    public static IReadOnlyList<string> Brands { get; } =
    [
        "Ferrox", "Outiltek", "Protekt", "Vissolux", "Batipro", "Kraftlin", "Novaprise", "Sécurix", "Hydrana", "Lumerys",
        "Embalis", "Manuflex", "Clarenet", "Tecnobolt", "Atelia", "Robuste & Fils", "Nordika", "Serraplus", "Voltane", "Pakmaster",
        "Gripline", "Vigipro", "Acquaro", "Stokka", "Brillant Pro", "Zenith Tools", "Metalor", "Fixéa", "Ergomax", "Polaris Industrie",
    ];

    /// <summary>Fictional suppliers (distributors and manufacturers the shop buys from).</summary>
    public static IReadOnlyList<string> Suppliers { get; } =
    [
        "Comptoir Industriel du Rhône", "Distrifix Europe", "Outillage Martin Frères", "Nordic Tools AB", "Protec Distribution",
        "Groupe Batisud", "Hydrotherm Négoce", "Lumière & Câbles SA", "Emballages de l'Ouest", "Manutention Service Plus",
        "Hygiène Pro Diffusion", "Rheinland Werkzeug GmbH", "Iberfix SL", "Ferramenta Lombarda Srl", "Sécurité Travail France",
    ];
}
