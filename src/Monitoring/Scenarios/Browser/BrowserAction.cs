using Microsoft.Playwright;
using Monitoring.Checks.Yaml;

namespace Monitoring.Scenarios.Browser;

/// <summary>
/// What a browser step does, from its one action key: <c>open: URL</c>, <c>click: SELECTOR</c>,
/// <c>fill: { SELECTOR: VALUE }</c>, <c>select: { SELECTOR: VALUE }</c>, <c>press: KEY</c> or
/// <c>press: { SELECTOR: KEY }</c>, <c>wait_for: SELECTOR</c>. Every text may hold <c>{{name}}</c>; selectors are
/// Playwright's (CSS, or <c>text=…</c>, <c>role=…</c>).
/// </summary>
public abstract record BrowserAction
{
    public static readonly string[] Keys = ["open", "click", "fill", "select", "press", "wait_for"];

    /// <summary>What the step did, for its message (<c>click '#checkout'</c>); placeholders not filled, so no secret.</summary>
    public abstract string Describe();

    /// <summary>Every text that may hold placeholders.</summary>
    public abstract IEnumerable<string> Templates { get; }

    /// <summary>Does it on the page, with the texts filled by <paramref name="fill"/>; Playwright's exceptions are left to
    /// the runner, which turns them into the step's failure.</summary>
    public abstract Task RunAsync(IPage page, Func<string, string> fill, float timeoutMs);

    /// <summary>The action of a step, or null (with an error) when it has none, several, or a broken one.</summary>
    public static BrowserAction? Read(ConfigNode step, bool hasExpect)
    {
        var present = Keys.Where(k => step.Child(k) is not null).ToList();
        if (present.Count > 1)
        {
            step.Error($"one action per step, found {string.Join(" and ", present)}: split it into steps");
            return null;
        }
        if (present.Count == 0)
        {
            // A step of expectations only (after a click that navigates, say) needs no action.
            if (!hasExpect) step.Error($"a browser step needs an action ({string.Join(", ", Keys)}) or expect");
            return hasExpect ? new Nothing() : null;
        }
        var node = step.Child(present[0])!;
        return present[0] switch
        {
            "open" => ReadOpen(node),
            "click" => node.Scalar() is { Length: > 0 } s ? new Click(s) : Empty(node),
            "wait_for" => node.Scalar() is { Length: > 0 } s ? new WaitFor(s) : Empty(node),
            "fill" => ReadPair(node, (sel, value) => new Fill(sel, value)),
            "select" => ReadPair(node, (sel, value) => new Select(sel, value)),
            _ => node.IsMapping ? ReadPair(node, (sel, key) => new Press(sel, key))
                : node.Scalar() is { Length: > 0 } key ? new Press(null, key) : Empty(node),
        };
    }

    private static BrowserAction? Empty(ConfigNode node)
    {
        node.Error("expected a selector");
        return null;
    }

    private static BrowserAction? ReadOpen(ConfigNode node)
    {
        var url = node.Scalar();
        if (url is null) return null;
        if (!Template.Names(url).Any() && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
        {
            node.Error($"'{url}' is not an absolute http:// or https:// URL");
            return null;
        }
        return new Open(url);
    }

    /// <summary><c>{ SELECTOR: VALUE }</c> with exactly one entry: one field per step keeps each failure named.</summary>
    private static BrowserAction? ReadPair(ConfigNode node, Func<string, string, BrowserAction> make)
    {
        if (node.Raw is not YamlDotNet.RepresentationModel.YamlMappingNode { Children.Count: 1 } mapping)
        {
            node.Error("expected one '<selector>: <value>' pair (one field per step)");
            return null;
        }
        var (key, value) = mapping.Children.First();
        var text = new ConfigNode(value, $"{node.Path}.{key}", node.File).Scalar();
        return text is null ? null : make(((YamlDotNet.RepresentationModel.YamlScalarNode)key).Value ?? "", text);
    }

    public sealed record Open(string Url) : BrowserAction
    {
        public override string Describe() => $"open {Url}";
        public override IEnumerable<string> Templates => [Url];
        public override Task RunAsync(IPage page, Func<string, string> fill, float timeoutMs) =>
            page.GotoAsync(fill(Url), new PageGotoOptions { Timeout = timeoutMs, WaitUntil = WaitUntilState.Load });
    }

    public sealed record Click(string Selector) : BrowserAction
    {
        public override string Describe() => $"click '{Selector}'";
        public override IEnumerable<string> Templates => [Selector];
        public override Task RunAsync(IPage page, Func<string, string> fill, float timeoutMs) =>
            page.Locator(fill(Selector)).First.ClickAsync(new LocatorClickOptions { Timeout = timeoutMs });
    }

    public sealed record Fill(string Selector, string Value) : BrowserAction
    {
        public override string Describe() => $"fill '{Selector}'";
        public override IEnumerable<string> Templates => [Selector, Value];
        public override Task RunAsync(IPage page, Func<string, string> fill, float timeoutMs) =>
            page.Locator(fill(Selector)).First.FillAsync(fill(Value), new LocatorFillOptions { Timeout = timeoutMs });
    }

    public sealed record Select(string Selector, string Value) : BrowserAction
    {
        public override string Describe() => $"select '{Selector}'";
        public override IEnumerable<string> Templates => [Selector, Value];
        public override Task RunAsync(IPage page, Func<string, string> fill, float timeoutMs) =>
            page.Locator(fill(Selector)).First.SelectOptionAsync(fill(Value), new LocatorSelectOptionOptions { Timeout = timeoutMs });
    }

    /// <summary>A key (<c>Enter</c>, <c>Control+A</c>) on the element, or on the page when no selector is given.</summary>
    public sealed record Press(string? Selector, string Key) : BrowserAction
    {
        public override string Describe() => Selector is null ? $"press {Key}" : $"press {Key} on '{Selector}'";
        public override IEnumerable<string> Templates => Selector is null ? [Key] : [Selector, Key];
        public override Task RunAsync(IPage page, Func<string, string> fill, float timeoutMs) => Selector is null
            ? page.Keyboard.PressAsync(fill(Key))
            : page.Locator(fill(Selector)).First.PressAsync(fill(Key), new LocatorPressOptions { Timeout = timeoutMs });
    }

    public sealed record WaitFor(string Selector) : BrowserAction
    {
        public override string Describe() => $"wait for '{Selector}'";
        public override IEnumerable<string> Templates => [Selector];
        public override Task RunAsync(IPage page, Func<string, string> fill, float timeoutMs) =>
            page.Locator(fill(Selector)).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = timeoutMs });
    }

    /// <summary>A step that only checks.</summary>
    public sealed record Nothing : BrowserAction
    {
        public override string Describe() => "check";
        public override IEnumerable<string> Templates => [];
        public override Task RunAsync(IPage page, Func<string, string> fill, float timeoutMs) => Task.CompletedTask;
    }
}
