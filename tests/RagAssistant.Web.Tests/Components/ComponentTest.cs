using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Tests.Components;

/// <summary>
/// bUnit base: MudBlazor's services with the app's words for them, browser calls answered loosely (components import
/// their JS modules), and the UI text cascaded and the UI language set as the app's Routes component does. The context
/// is disposed asynchronously: MudBlazor's services only implement IAsyncDisposable.
/// </summary>
public abstract class ComponentTest : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    protected ComponentTest()
    {
        Context.Services.AddMudServices();
        Context.Services.AddRagUiLanguage();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>Renders a component with the Chinese (default) or English UI text cascaded to it.</summary>
    protected IRenderedComponent<T> RenderWithText<T>(Action<ComponentParameterCollectionBuilder<T>> parameters, UiText? text = null)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        text ??= UiText.Chinese;
        Context.Services.GetRequiredService<CurrentUiLanguage>().Code = text.Code;
        return Context.Render<T>(p =>
        {
            p.AddCascadingValue(text);
            parameters(p);
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
