using Microsoft.Playwright;

namespace RagAssistant.Web.Tests.EndToEnd.Pages;

/// <summary>The status page at "/status": embedding model and device, LLM provider, counts.</summary>
public sealed class StatusPage(IPage page, BlazorCircuit circuit) : AppPage(page, circuit)
{
    public ILocator EmbeddingModel => Page.GetByTestId("embedding-model");
    public ILocator EmbeddingDevice => Page.GetByTestId("embedding-device");
    public ILocator ChineseLimitation => Page.GetByTestId("chinese-limitation");
    public ILocator LlmProvider => Page.GetByTestId("llm-provider");
    public ILocator DocumentCount => Page.GetByTestId("document-count");

    public Task OpenAsync() => OpenAsync("/status");
}
