namespace RagAssistant.Web.Localization;

/// <summary>
/// The UI language of this circuit (or of this request, for the pages drawn without one): set by the Routes component
/// from the language cookie before anything under it draws, read by the services that word things for the UI and
/// cannot be handed the cascaded <see cref="UiText"/> — MudBlazor's localizer (<see cref="MudBlazorTextLocalizer"/>).
/// </summary>
public sealed class CurrentUiLanguage
{
    /// <summary><see cref="UiLanguages.Chinese"/> or <see cref="UiLanguages.English"/>.</summary>
    public string Code { get; set; } = UiLanguages.Chinese;
}
