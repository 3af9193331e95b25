using Microsoft.AspNetCore.Components;
using MudBlazor;
using RagAssistant.Accounts;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Components.Admin;

/// <summary>
/// What every admin tab shares: the signed-in administrator (the actor every change is audited under), the UI text,
/// and one way to run a change — an <see cref="AccountException"/> (a refused change) goes to a snackbar in the UI's
/// language, and its English message to the log.
/// </summary>
public abstract class AdminTabBase : ComponentBase
{
    /// <summary>The signed-in administrator's user name.</summary>
    [Parameter, EditorRequired] public string Actor { get; set; } = "";

    [CascadingParameter] protected UiText T { get; set; } = UiText.Chinese;

    [Inject] protected ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<AdminTabBase> Logger { get; set; } = default!;

    /// <summary>Runs a change; false when it was refused (the reason is shown).</summary>
    protected async Task<bool> RunAsync(Func<Task> change)
    {
        try
        {
            await change();
            return true;
        }
        catch (AccountException ex)
        {
            Log.AccountChangeRefused(Logger, Actor, ex.Problem, ex.Message);
            Snackbar.Add(T.Account.Explain(ex), Severity.Error);
            return false;
        }
    }

    /// <summary>Times in the server's zone, to the second: what an administrator compares with the plant's clocks.</summary>
    protected static string Format(DateTimeOffset? time) => time?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss") ?? "";
}
