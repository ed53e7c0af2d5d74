using Microsoft.Playwright;

namespace Monitoring.Scenarios.Browser;

/// <summary>What one browser run carries from step to step besides the page: the variables, the secrets to redact, the
/// fields to mask in screenshots, and the documents the current step navigated to.</summary>
internal sealed class BrowserRunState
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    public BrowserRunState(BrowserScenarioSettings settings, Guid runId)
    {
        RunId = runId;
        _variables["run_id"] = runId.ToString("D");
        foreach (var variable in settings.Variables)
        {
            _variables[variable.Name] = variable.Value;
            if (variable.Secret) Secrets.Add(variable.Value);
        }
    }

    public Guid RunId { get; }

    public Redactor Secrets { get; } = new();

    /// <summary>Selectors of fields filled with a secret: masked in screenshots.</summary>
    public List<string> Masked { get; } = [];

    /// <summary>Main-frame documents (redirects included) received during the current step.</summary>
    public List<IResponse> Documents { get; } = [];

    /// <summary>The text with its placeholders filled; every name was checked when the file was read, so none is missing.</summary>
    public string Fill(string text) => Template.Fill(text, _variables, out _) ?? text;
}
