namespace Monitoring.Quality.Scoring;

/// <summary>A–E, as Akeneo's data-quality insights grade products.</summary>
public enum QualityGrade
{
    A,
    B,
    C,
    D,
    E,
}

/// <summary>
/// The grade bands and gates: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else E (Akeneo's <c>Rank::fromRate</c>); one open
/// blocker caps the grade at D and two or more at E, because a weighted mean alone would grade "A" a product Google
/// refuses for its invalid GTIN (research §6.2.4).
/// </summary>
public sealed record GradingPolicy
{
    public static GradingPolicy Default { get; } = new();

    public double A { get; init; } = 90;
    public double B { get; init; } = 80;
    public double C { get; init; } = 70;
    public double D { get; init; } = 60;

    /// <summary>The best grade a record with one open blocker can have.</summary>
    public QualityGrade OneBlockerCap { get; init; } = QualityGrade.D;

    /// <summary>The best grade a record with two or more open blockers can have.</summary>
    public QualityGrade TwoBlockersCap { get; init; } = QualityGrade.E;

    public QualityGrade GradeOf(double score, int openBlockers)
    {
        var grade = score >= A ? QualityGrade.A : score >= B ? QualityGrade.B : score >= C ? QualityGrade.C : score >= D ? QualityGrade.D : QualityGrade.E;
        var cap = openBlockers switch { 0 => QualityGrade.A, 1 => OneBlockerCap, _ => TwoBlockersCap };
        return grade > cap ? grade : cap; // E > D > … > A: the worse of the two
    }
}
