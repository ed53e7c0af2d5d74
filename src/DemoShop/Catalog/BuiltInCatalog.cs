namespace DemoShop.Catalog;

/// <summary>
/// The catalogue used when none is given: forty products of a French wholesaler of tools and supplies for the
/// trades, in French like the monitoring demo generator's catalogue. GTINs carry a valid check digit.
/// </summary>
public static class BuiltInCatalog
{
    public const string MediaHost = "https://media.demo-shop.example";

    private const string Power = "Outillage électroportatif", Hand = "Outillage à main", Fix = "Fixations",
        Ppe = "Équipements de protection", Elec = "Électricité", Plumb = "Plomberie", Care = "Entretien et hygiène",
        Pack = "Emballage";

    public static IReadOnlyList<ShopProduct> Products { get; } =
    [
        P("DRL-18V-BL", "Perceuse-visseuse sans fil 18 V brushless", "Makita", $"{Power} > Perçage > Perceuses-visseuses", 249.00m, 34, "376011200001", 1, "Couple 60 Nm, 2 batteries 5 Ah, chargeur rapide, coffret."),
        P("DRL-12V-CP", "Perceuse-visseuse compacte 12 V", "Bosch Professional", $"{Power} > Perçage > Perceuses-visseuses", 139.00m, 52, "376011200002", 1, "1,2 kg, idéale pour le second œuvre, 2 batteries 2 Ah."),
        P("HMR-SDS-800", "Perforateur SDS+ 800 W", "DeWalt", $"{Power} > Perçage > Perforateurs SDS+", 189.00m, 18, "376011200003", 1, "Énergie de frappe 2,6 J, 3 modes, poignée antivibration."),
        P("HMR-SDS-18V", "Perforateur SDS+ sans fil 18 V", "Milwaukee", $"{Power} > Perçage > Perforateurs SDS+", 329.00m, 9, "376011200004", 1, "Sans batterie, compatible gamme M18."),
        P("SAW-CIRC-190", "Scie circulaire Ø 190 mm 1400 W", "Makita", $"{Power} > Sciage > Scies circulaires", 214.00m, 11, "376011200005", 1, "Profondeur de coupe 66 mm, lame carbure 24 dents."),
        P("SAW-JIG-650", "Scie sauteuse pendulaire 650 W", "Bosch Professional", $"{Power} > Sciage > Scies sauteuses", 129.00m, 23, "376011200006", 1, "Changement de lame sans outil, soufflerie."),
        P("GRD-125-1100", "Meuleuse d'angle Ø 125 mm 1100 W", "Metabo", $"{Power} > Meulage > Meuleuses d'angle", 99.00m, 41, "376011200007", 1, "Démarrage progressif, frein de disque."),
        P("DSC-INOX-125", "Disques à tronçonner inox Ø 125 mm, boîte de 25", "Norton", $"{Power} > Meulage > Disques", 32.50m, 140, "376011200008", 5, "Épaisseur 1 mm, coupe rapide sans bavure."),
        P("SPN-SET-12", "Jeu de 12 clés mixtes 6 à 22 mm", "Facom", $"{Hand} > Serrage > Clés mixtes", 89.90m, 27, "376011200009", 1, "Chrome-vanadium, trousse textile."),
        P("SPN-13", "Clé mixte 13 mm", "Facom", $"{Hand} > Serrage > Clés mixtes", 9.80m, 210, "376011200010", 1, "Tête à 15°, anneau contre-coudé."),
        P("RCH-12-72", "Clé à cliquet 1/2\" 72 dents", "Stanley", $"{Hand} > Serrage > Clés à cliquet", 34.90m, 48, "376011200011", 1, "Inverseur, poignée bi-matière."),
        P("HAM-CLW-400", "Marteau de menuisier 400 g", "Stanley", $"{Hand} > Frappe > Marteaux", 19.90m, 96, "376011200012", 1, "Manche fibre de verre, tête forgée."),
        P("HAM-CLB-1500", "Massette 1,5 kg", "Leborgne", $"{Hand} > Frappe > Massettes", 24.50m, 37, "376011200013", 1, "Manche frêne, tête acier trempé."),
        P("TAP-MES-5M", "Mètre ruban 5 m × 25 mm", "Stanley", $"{Hand} > Mesure > Mètres rubans", 12.90m, 320, "376011200014", 6, "Boîtier antichoc, ruban classe II."),
        P("LVL-ALU-60", "Niveau à bulle aluminium 60 cm", "Stabila", $"{Hand} > Mesure > Niveaux", 29.90m, 58, "376011200015", 1, "3 fioles, précision 0,5 mm/m."),
        P("SCR-WD-4X40", "Vis à bois 4 × 40 mm, boîte de 500", "Spax", $"{Fix} > Vis > Vis à bois", 18.70m, 410, "376011200016", 5, "Tête fraisée Torx, zinguée blanc."),
        P("SCR-WD-5X60", "Vis à bois 5 × 60 mm, boîte de 200", "Spax", $"{Fix} > Vis > Vis à bois", 16.40m, 260, "376011200017", 5, "Tête fraisée Torx, pointe 4CUT."),
        P("SCR-PLQ-35", "Vis plaque de plâtre 3,5 × 35 mm, boîte de 1000", "Würth", $"{Fix} > Vis > Vis plaque de plâtre", 14.90m, 380, "376011200018", 5, "Phosphatées, pointe aiguille."),
        P("ANC-NYL-8", "Chevilles nylon Ø 8 mm, boîte de 100", "Fischer", $"{Fix} > Chevilles > Chevilles nylon", 8.90m, 520, "376011200019", 10, "Expansion 4 directions, tous matériaux pleins."),
        P("ANC-MET-6", "Chevilles métalliques à expansion Ø 6 mm, boîte de 50", "Fischer", $"{Fix} > Chevilles > Chevilles à expansion", 21.30m, 140, "376011200020", 5, "Pour plaques de plâtre et corps creux."),
        P("GLV-NIT-100", "Gants nitrile non poudrés, boîte de 100", "Mapa", $"{Ppe} > Protection des mains > Gants jetables", 7.90m, 1200, "376011200021", 10, "Taille M, usage alimentaire et atelier, EN 374."),
        P("GLV-CUT-C", "Gants anti-coupure niveau C, la paire", "Mapa", $"{Ppe} > Protection des mains > Gants de manutention", 6.40m, 640, "376011200022", 12, "Enduction nitrile, EN 388 4X43C."),
        P("GSS-CLR-UV", "Lunettes de protection incolores", "3M", $"{Ppe} > Protection des yeux > Lunettes", 4.90m, 880, "376011200023", 10, "Anti-buée, anti-rayures, EN 166."),
        P("HLM-WHT-EN397", "Casque de chantier blanc", "Uvex", $"{Ppe} > Protection de la tête > Casques", 17.50m, 150, "376011200024", 5, "Serrage crémaillère, EN 397."),
        P("EAR-FOAM-200", "Bouchons d'oreilles mousse, boîte de 200 paires", "3M", $"{Ppe} > Protection auditive > Bouchons", 39.00m, 90, "376011200025", 2, "SNR 37 dB, distributeur mural compatible."),
        P("CBL-R2V-3G25", "Câble R2V 3G2,5 mm², couronne de 50 m", "Nexans", $"{Elec} > Câbles > Câbles rigides", 119.00m, 44, "376011200026", 1, "Cuivre rigide, pose fixe intérieure et extérieure."),
        P("CBL-H07-15", "Fil H07V-U 1,5 mm² bleu, couronne de 100 m", "Nexans", $"{Elec} > Câbles > Fils de câblage", 38.50m, 75, "376011200027", 1, "Conforme NF C 15-100."),
        P("OUT-2P-T", "Prise 2P+T encastrable blanche", "Legrand", $"{Elec} > Appareillage > Prises", 6.20m, 900, "376011200028", 10, "Gamme Céliane, bornes automatiques."),
        P("SWT-VV-W", "Interrupteur va-et-vient blanc", "Schneider Electric", $"{Elec} > Appareillage > Interrupteurs", 5.40m, 760, "376011200029", 10, "Gamme Odace, fixation à vis."),
        P("BRK-DIF-40", "Interrupteur différentiel 40 A 30 mA type AC", "Hager", $"{Elec} > Protection > Différentiels", 58.00m, 63, "376011200030", 1, "Bornes à vis, embrochage peigne."),
        P("FIT-BRS-15", "Raccord laiton à sertir 15 mm, sachet de 10", "Comap", $"{Plumb} > Raccords > Raccords à sertir", 27.80m, 130, "376011200031", 2, "Profil M, eau potable et chauffage."),
        P("PIP-PER-16", "Tube PER nu Ø 16 mm, couronne de 100 m", "Comap", $"{Plumb} > Tubes > Tubes PER", 64.00m, 38, "376011200032", 1, "Réticulé haute densité, sanitaire et chauffage."),
        P("VLV-BALL-20", "Vanne à boisseau sphérique 3/4\"", "Comap", $"{Plumb} > Robinetterie > Vannes", 11.90m, 210, "376011200033", 5, "Laiton nickelé, poignée papillon."),
        P("CLN-SURF-5L", "Nettoyant multi-surfaces concentré, 5 L", "Diversey", $"{Care} > Nettoyage > Nettoyants", 14.20m, 160, "376011200034", 2, "Dilution 1 %, cuisines professionnelles et ateliers."),
        P("CLN-DEGR-1L", "Dégraissant atelier, 1 L", "WD-40", $"{Care} > Nettoyage > Dégraissants", 9.60m, 240, "376011200035", 6, "Élimine huiles et graisses, sans solvant chloré."),
        P("WIP-ROLL-1000", "Bobine d'essuyage ouate, 1000 formats", "Tork", $"{Care} > Essuyage > Bobines", 18.90m, 300, "376011200036", 4, "Double épaisseur, prédécoupée."),
        P("TAP-PKG-66", "Ruban adhésif d'emballage 48 mm × 66 m", "Scotch", $"{Pack} > Adhésifs > Rubans d'emballage", 1.35m, 2400, "376011200037", 36, "Polypropylène brun, silencieux."),
        P("BOX-DW-40", "Cartons double cannelure 40 × 30 × 30 cm, paquet de 20", "Smurfit Kappa", $"{Pack} > Cartons > Cartons double cannelure", 24.00m, 190, "376011200038", 5, "Pour colis lourds jusqu'à 30 kg."),
        P("FLM-STR-23", "Film étirable manuel 23 µm, rouleau de 300 m", "Raja", $"{Pack} > Palettisation > Films étirables", 12.70m, 420, "376011200039", 6, "Largeur 450 mm, transparent."),
        P("STR-PP-12", "Feuillard polypropylène 12 mm, bobine de 1500 m", "Raja", $"{Pack} > Palettisation > Feuillards", 29.50m, 0, "376011200040", 1, "Résistance 150 kg, pose manuelle."),
    ];

    private static ShopProduct P(string sku, string name, string brand, string path, decimal price, int stock,
        string gtin12, int minOrderQty, string description) =>
        new(sku, name, description, brand, path, price, stock, WithCheckDigit(gtin12), $"{MediaHost}/p/{sku}/1.jpg", minOrderQty);

    /// <summary>Appends the GS1 check digit to the first 12 digits of a GTIN-13.</summary>
    internal static string WithCheckDigit(string twelveDigits)
    {
        var sum = 0;
        for (var i = 0; i < twelveDigits.Length; i++) sum += (twelveDigits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return twelveDigits + (10 - sum % 10) % 10;
    }
}
