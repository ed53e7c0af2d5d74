using System.Text;
using Monitoring.Alerting;

namespace Monitoring.Tests.Alerting;

public sealed class AckTokenTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a-signing-key-of-at-least-32-characters!");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static string Token(long incident = 42, string who = "alice@example.com") =>
        AckToken.Create(Key, incident, who, Now.AddDays(7));

    [Fact]
    public void Accepts_its_own_token_and_says_whom_the_link_was_sent_to()
    {
        var check = AckToken.Verify(Key, 42, Token(), Now);

        Assert.True(check.IsValid);
        Assert.Equal("alice@example.com", check.Who);
    }

    [Fact]
    public void Names_a_link_sent_to_nobody_in_particular_as_an_email_link()
    {
        Assert.Equal(AckToken.AnonymousWho, AckToken.Verify(Key, 42, Token(who: ""), Now).Who);
    }

    public static TheoryData<string, Func<string, string>> Tampered => new()
    {
        { "a changed signature", t => t[..^2] + (t[^2] == 'A' ? "B" : "A") + t[^1] },
        { "a changed payload", t => "x" + t[1..] },
        { "a cut token", t => t[..(t.Length / 2)] },
        { "no signature", t => t[..t.IndexOf('.')] },
        { "garbage", _ => "%%%.%%%" },
        { "an empty token", _ => "" },
        { "a payload signed with another key", _ => AckToken.Create(Encoding.UTF8.GetBytes("another-key-of-at-least-32-characters!!"), 42, "alice@example.com", Now.AddDays(1)) },
    };

    [Theory]
    [MemberData(nameof(Tampered))]
    public void Refuses_a_tampered_token(string because, Func<string, string> tamper)
    {
        var check = AckToken.Verify(Key, 42, tamper(Token()), Now);

        Assert.False(check.IsValid, because);
        Assert.Null(check.Who);
        Assert.StartsWith("This acknowledgement link is not valid", check.Problem);
    }

    [Fact]
    public void Refuses_a_token_of_another_incident()
    {
        var check = AckToken.Verify(Key, 43, Token(incident: 42), Now);

        Assert.Equal("This acknowledgement link belongs to another incident.", check.Problem);
    }

    [Fact]
    public void Refuses_an_expired_token_and_says_when_it_expired()
    {
        var check = AckToken.Verify(Key, 42, Token(), Now.AddDays(7).AddSeconds(1));

        Assert.Equal("This acknowledgement link expired on 2026-11-30 09:00 UTC. Acknowledge the incident on its page instead.", check.Problem);
        Assert.True(AckToken.Verify(Key, 42, Token(), Now.AddDays(7)).IsValid);
    }

    [Fact]
    public void Keeps_an_address_with_a_separator_in_it_whole()
    {
        Assert.Equal("\"a|b\"@example.com", AckToken.Verify(Key, 42, Token(who: "\"a|b\"@example.com"), Now).Who);
    }

    [Fact]
    public void Is_safe_in_a_url_without_escaping()
    {
        Assert.Matches("^[A-Za-z0-9_.-]+$", Token());
    }
}
