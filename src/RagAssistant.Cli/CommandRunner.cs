using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagAssistant.Accounts;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Storage;

namespace RagAssistant.Cli;

/// <summary>Runs a command body with its services and turns whole-command failures into exit code 1 and a stderr line.</summary>
internal static class CommandRunner
{
    public static Task<int> RunAsync(string? databasePath, Func<IServiceProvider, Task<int>> body,
        IReadOnlyDictionary<string, string?>? settings = null) =>
        RunAsync(async () =>
        {
            await using var services = CliServices.Build(databasePath, settings);
            return await body(services);
        });

    /// <summary>Runs a body that builds its own services (several knowledge bases in one command), with the same failure handling.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (KnowledgeBaseException ex)
        {
            return Fail(ex.Message);
        }
        catch (OptionsValidationException ex)
        {
            return Fail($"invalid configuration: {string.Join("; ", ex.Failures)}");
        }
        catch (EmbeddingException ex)
        {
            return Fail(ex.Message);
        }
        catch (CommandException ex)
        {
            return Fail(ex.Message);
        }
        catch (AccountException ex)
        {
            return Fail(ex.Message);
        }
        catch (RagAssistant.Generation.Llm.LlmException ex)
        {
            return Fail(ex.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled");
        }
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"rag: {message}");
        return ExitCodes.Failed;
    }
}

/// <summary>The command itself cannot run (a missing password file, an unknown document id, an unknown <c>--user</c>).</summary>
internal sealed class CommandException(string message) : Exception(message);
