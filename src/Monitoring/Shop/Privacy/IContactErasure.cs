namespace Monitoring.Shop.Privacy;

/// <summary>What erasing a person removed.</summary>
/// <param name="Contacts">Contacts with that e-mail address, deleted.</param>
/// <param name="Reviews">Their reviews and NPS answers, detached from them and stripped of their comment.</param>
/// <param name="Orders">Orders that named them as the buyer, which no longer do (the company's order stays).</param>
/// <param name="QuarantinedRows">Refused import rows whose raw values held the address, deleted.</param>
public sealed record ErasureResult(int Contacts, int Reviews, int Orders, int QuarantinedRows)
{
    public bool FoundAnything => Contacts + Reviews + Orders + QuarantinedRows > 0;

    public override string ToString() =>
        $"{Contacts} contact(s) deleted, {Reviews} review(s) and {Orders} order(s) detached, {QuarantinedRows} quarantined row(s) deleted";
}

/// <summary>
/// The right to erasure (GDPR art. 17) for the people in the shop's data: a contact is found by e-mail address and
/// removed with what identifies them, while the company's orders and anonymous scores stay for the KPIs.
/// </summary>
public interface IContactErasure
{
    Task<ErasureResult> EraseAsync(string email, CancellationToken cancellationToken);
}
