using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Generation.Llm;
using RagAssistant.Testing;

namespace RagAssistant.Generation.Tests.Llm;

/// <summary>Settings that cannot work fail with a message naming the setting; the provider singleton builds the model once.</summary>
public sealed class LlmConfigurationTests
{
    private static LlmException Fails(LlmOptions options)
    {
        var e = Assert.Throws<LlmException>(() => new ChatModel(options));
        Assert.Equal(LlmFailure.Configuration, e.Failure);
        return e;
    }

    [Fact]
    public void MissingModelFile_IsNamed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("models/absent.gguf");

        var e = Fails(new LlmOptions { Provider = "llama", ModelPath = path });

        Assert.Equal($"Rag:Llm:ModelPath: file not found: {path}", e.Message);
    }

    [Fact]
    public void TextFileRenamedGguf_IsNotAGgufModel()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("model.gguf", "<html>404 Not Found</html>");

        var e = Fails(new LlmOptions { Provider = "llama", ModelPath = path });

        Assert.Equal($"Rag:Llm:ModelPath: {path} is not a GGUF model (bad magic)", e.Message);
    }

    [Fact]
    public void EmptyFile_IsNotAGgufModel()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteBytes("empty.gguf", []);

        Assert.Contains("is not a GGUF model (bad magic)", Fails(new LlmOptions { Provider = "llama", ModelPath = path }).Message);
    }

    [Fact]
    public void UnknownProvider_IsNamed_WithTheKnownOnes()
    {
        var e = Fails(new LlmOptions { Provider = "gpt4all" });

        Assert.Equal("Rag:Llm:Provider: unknown provider 'gpt4all' (use none, openai, azure, llama)", e.Message);
    }

    [Fact]
    public void OpenAi_WithoutEndpointAndModel_NamesBoth()
    {
        var e = Fails(new LlmOptions { Provider = "openai" });

        Assert.Contains("Rag:Llm:Endpoint: required for the openai provider", e.Message);
        Assert.Contains("Rag:Llm:Model: required for the openai provider", e.Message);
    }

    [Fact]
    public void Azure_WithoutKey_IsNamed()
    {
        var e = Fails(new LlmOptions { Provider = "azure", Endpoint = "https://plant.openai.azure.com", Model = "gpt-4o" });

        Assert.Equal("Rag:Llm:ApiKey: required for the azure provider", e.Message);
    }

    [Fact]
    public void EndpointThatIsNotAUrl_IsNamed()
    {
        var e = Fails(new LlmOptions { Provider = "openai", Endpoint = "localhost:11434", Model = "qwen2.5:7b" });

        Assert.Equal("Rag:Llm:Endpoint: 'localhost:11434' is not an http(s) URL", e.Message);
    }

    [Fact]
    public void Defaults_AreDocumentedValues_AndNone()
    {
        var options = new LlmOptions();
        Assert.Equal("none", options.Provider);
        Assert.False(options.IsConfigured);
        Assert.Equal((120, 3, 800, 0.1, 4096, 0), (options.TimeoutSeconds, options.MaxRetries, options.MaxOutputTokens, options.Temperature, options.ContextSize, options.Threads));
        Assert.Empty(options.Validate());
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddRagLlm(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void Provider_WithNothingConfigured_IsNone()
    {
        using var services = Services([]);
        var provider = services.GetRequiredService<ChatModelProvider>();

        Assert.False(provider.IsConfigured);
        Assert.Null(provider.Get());
        Assert.Equal("none", provider.Describe());
    }

    [Fact]
    public void Provider_BindsRagLlm_AndBuildsTheModelOnce()
    {
        using var services = Services(new()
        {
            ["Rag:Llm:Provider"] = "openai",
            ["Rag:Llm:Endpoint"] = "http://127.0.0.1:11434/v1",
            ["Rag:Llm:Model"] = "qwen2.5:7b",
            ["Rag:Llm:TimeoutSeconds"] = "30",
        });
        var provider = services.GetRequiredService<ChatModelProvider>();

        Assert.True(provider.IsConfigured);
        Assert.Equal("openai qwen2.5:7b at http://127.0.0.1:11434/v1", provider.Describe());
        var model = provider.Get();
        Assert.NotNull(model);
        Assert.Same(model, provider.Get());
        Assert.Same(services.GetRequiredService<ChatModelProvider>(), provider);
        Assert.Equal(("openai", "qwen2.5:7b", "http://127.0.0.1:11434/v1"), (model.Provider, model.Model, model.Endpoint));
    }

    [Fact]
    public void Provider_WithBadSettings_IsConfigured_AndGetThrowsNamingTheSetting()
    {
        using var services = Services(new() { ["Rag:Llm:Provider"] = "llama", ["Rag:Llm:ModelPath"] = "/nowhere/model.gguf" });
        var provider = services.GetRequiredService<ChatModelProvider>();

        var e = Assert.Throws<LlmException>(() => provider.Get());
        Assert.Equal(LlmFailure.Configuration, e.Failure);
        Assert.Equal("Rag:Llm:ModelPath: file not found: /nowhere/model.gguf", e.Message);
        // Configured, so the caller reports the problem instead of answering extractively as if no model were set.
        Assert.True(provider.IsConfigured);
        Assert.Equal("misconfigured: Rag:Llm:ModelPath: file not found: /nowhere/model.gguf", provider.Describe());
    }
}
