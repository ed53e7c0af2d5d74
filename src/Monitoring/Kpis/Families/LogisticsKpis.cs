namespace Monitoring.Kpis.Families;

/// <summary>Logistics and returns (requirements §1.3 F).</summary>
public static class LogisticsKpis
{
    /// <summary>Units returned ÷ units sold in the same period (K-41): a flow ratio, returns dated on their return day.</summary>
    public static readonly KpiDefinition ReturnRate = new("return_rate", "Return rate", KpiUnit.Ratio, "units sold",
        Excluding.Orders + "; returns by return date, sales by order date", HigherIsBetter: false, KpiAudience.Managers,
        i => KpiValue.Ratio(i.Sums.ReturnedUnits, i.Sums.UnitsSold));

    /// <summary>Carrier cost ÷ parcels shipped (K-38/K-39).</summary>
    public static readonly KpiDefinition DeliveryCostPerParcel = new("delivery_cost_per_parcel", "Delivery cost per parcel", KpiUnit.Money,
        "parcels shipped", "carrier cost only (packaging and picking not in the model); by ship date", HigherIsBetter: false,
        KpiAudience.Managers, i => KpiValue.Ratio(i.Sums.ShippingCost, i.Sums.Shipments)) { Dimensions = Cuts.OrderLevel };

    /// <summary>Mean days from order to delivery (K-40), shop-time calendar days.</summary>
    public static readonly KpiDefinition DeliveryTime = new("delivery_time_days", "Average delivery time", KpiUnit.Days,
        "parcels delivered", "parcels not yet delivered excluded; by delivery date", HigherIsBetter: false, KpiAudience.Managers,
        i => KpiValue.Ratio(i.Sums.DeliveryDaysTotal, i.Sums.DeliveredShipments)) { Dimensions = Cuts.OrderLevel };

    /// <summary>Parcels delivered within their promised days ÷ parcels delivered (K-40).</summary>
    public static readonly KpiDefinition OnTimeRate = new("on_time_rate", "On-time delivery rate", KpiUnit.Ratio, "parcels delivered",
        "parcels not yet delivered excluded; by delivery date", HigherIsBetter: true, KpiAudience.Managers,
        i => KpiValue.Ratio(i.Sums.OnTimeDeliveries, i.Sums.DeliveredShipments)) { Dimensions = Cuts.OrderLevel };

    /// <summary>The family, in page order.</summary>
    public static IReadOnlyList<KpiDefinition> All { get; } = [ReturnRate, DeliveryCostPerParcel, DeliveryTime, OnTimeRate];
}
