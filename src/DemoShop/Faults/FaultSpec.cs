using DemoShop.Ordering;

namespace DemoShop.Faults;

/// <summary>
/// The faults switched on, as <c>POST /_faults</c> takes them (JSON in snake_case: <c>step</c>, <c>status</c>,
/// <c>slow_ms</c>, <c>missing_payment_method</c>, <c>wrong_price</c>, <c>wrong_price_factor</c>, <c>down</c>,
/// <c>expired_certificate</c>) and configuration binds them (<c>DemoShop:Faults:SlowMs</c>, ...). Empty = no fault.
/// </summary>
public sealed record FaultSpec
{
    /// <summary>The step that <see cref="Status"/> and <see cref="SlowMs"/> apply to; null = slow everywhere.</summary>
    public string? Step { get; init; }

    /// <summary>The status the step answers instead of its page (default 500 when a step is given without slow_ms).</summary>
    public int? Status { get; init; }

    /// <summary>Delay before answering, on <see cref="Step"/> or on every request.</summary>
    public int? SlowMs { get; init; }

    /// <summary>A payment method code the payment step no longer offers (and checkout refuses).</summary>
    public string? MissingPaymentMethod { get; init; }

    /// <summary>Product prices shown multiplied by <see cref="WrongPriceFactor"/>.</summary>
    public bool WrongPrice { get; init; }

    public decimal? WrongPriceFactor { get; init; }

    /// <summary>Every request (but <c>/_faults</c>) answers 503.</summary>
    public bool Down { get; init; }

    /// <summary>The HTTPS port presents an expired certificate to new connections.</summary>
    public bool ExpiredCertificate { get; init; }

    public static FaultSpec None { get; } = new();

    /// <summary>The step's failure status, with 500 as default when the step is named alone.</summary>
    public int? EffectiveStatus => Step is null ? null : Status ?? (SlowMs is null ? 500 : null);

    public decimal EffectivePriceFactor => WrongPrice ? WrongPriceFactor ?? 100m : 1m;

    /// <summary>What is wrong with this spec, or null when it is valid.</summary>
    public string? Problem() =>
        Step is not null && !ShopSteps.All.Contains(Step) ? $"unknown step '{Step}'; steps are {string.Join(", ", ShopSteps.All)}"
        : Status is < 100 or > 599 ? $"status {Status} is not an HTTP status"
        : Status is not null && Step is null ? "status needs a step"
        : SlowMs is < 0 or > 600_000 ? "slow_ms must be between 0 and 600000"
        : MissingPaymentMethod is not null && CheckoutOptions.PaymentMethods.All(m => m.Code != MissingPaymentMethod)
            ? $"unknown payment method '{MissingPaymentMethod}'; methods are {string.Join(", ", CheckoutOptions.PaymentMethods.Select(m => m.Code))}"
        : WrongPriceFactor is <= 0 ? "wrong_price_factor must be positive"
        : null;
}
