using Microsoft.Extensions.Localization;
using MudBlazor;

namespace RagAssistant.Web.Localization;

/// <summary>
/// MudBlazor's own words (the pager's and the clear, close and scroll buttons' labels, "Required", "Loading…") in the
/// circuit's UI language: the Chinese ones from <see cref="MudBlazorText"/>; a key it has no word for, and every key in the
/// English UI, is "not found", so MudBlazor uses its built-in English.
/// </summary>
public sealed class MudBlazorTextLocalizer(CurrentUiLanguage language) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        MudBlazorText.For(language.Code).TryGetValue(key, out var word) ? new(key, word) : new(key, key, resourceNotFound: true);
}
