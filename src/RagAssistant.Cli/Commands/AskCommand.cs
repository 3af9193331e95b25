using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Cli.Output;
using RagAssistant.Core.Access;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Contracts;
using RagAssistant.Core.Search;
using RagAssistant.Generation.Llm;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag ask "QUESTION" [--db FILE] [--conversation ID] [--provider none|openai|azure|llama] [--model M] [--library NAME] [--user NAME] [--json] [--explain]</c>:
/// a cited answer (ARCHITECTURE.md's ask contract). Without --json the answer streams to stdout, then its sources. With
/// <c>--user</c> the answer draws only on the libraries that user may read, and the conversation is theirs.
/// </summary>
internal static class AskCommand
{
    private static readonly string[] Providers = ["none", "openai", "azure", "llama"];

    public static Command Create()
    {
        var question = new Argument<string>("QUESTION") { Description = "The question" };
        var db = CommonOptions.Db();
        var conversation = new Option<string?>("--conversation") { Description = "Continue this conversation (its id from an earlier answer)", HelpName = "ID" };
        var provider = new Option<string?>("--provider") { Description = "LLM provider for this question: none (extractive), openai, azure or llama (default: Rag:Llm:Provider)", HelpName = "P" };
        provider.Validators.Add(r =>
        {
            if (r.GetValue(provider) is { } p && !Providers.Contains(p)) r.AddError($"--provider {p}: not one of {string.Join(", ", Providers)}");
        });
        var model = new Option<string?>("--model") { Description = "Model id (openai), deployment (azure) or GGUF file (llama) (default: Rag:Llm:Model / ModelPath)", HelpName = "M" };
        var library = CommonOptions.Library();
        var user = CommonOptions.User();
        var json = CommonOptions.Json();
        var explain = new Option<bool>("--explain") { Description = "Also print why: the evidence score, each source's fused score and each candidate sentence's score with every rule that changed it (with --json: the key \"explain\")" };
        var command = new Command("ask", "Answer a question from the knowledge base, with citations") { question, db, conversation, provider, model, library, user, json, explain };

        command.SetAction((parse, ct) =>
        {
            var settings = new Dictionary<string, string?>();
            var p = parse.GetValue(provider);
            if (p is not null) settings[$"{LlmOptions.Section}:Provider"] = p;
            if (parse.GetValue(model) is { } m)
            {
                var key = p == "llama" ? "ModelPath" : "Model";
                settings[$"{LlmOptions.Section}:{key}"] = m;
            }
            return CommandRunner.RunAsync(parse.GetValue(db), async services =>
            {
                var text = parse.GetValue(question) ?? "";
                if (string.IsNullOrWhiteSpace(text)) throw new CommandException("the question is empty");
                var scope = await CallerScope.ResolveAsync(services, parse.GetValue(user), ct);
                var request = new AskRequest(text, parse.GetValue(conversation),
                    parse.GetValue(library) is { } l ? new SearchFilter(Libraries: [l]) : null, Explain: parse.GetValue(explain));
                var asJson = parse.GetValue(json);
                var knowledgeBase = services.GetRequiredService<ProtectedKnowledgeBase>();
                AnswerResult result;
                try
                {
                    result = await knowledgeBase.AskAsync(scope, request, asJson ? null : HumanOutput.WriteDelta, ct);
                }
                catch (KeyNotFoundException ex)
                {
                    throw new CommandException(ex.Message);
                }
                if (asJson) JsonOutput.Write(AskJson.From(result));
                else
                {
                    HumanOutput.WriteAnswerSources(result);
                    if (result.Explain is { } why) HumanOutput.WriteExplain(why);
                }
                return ExitCodes.Success;
            }, settings);
        });
        return command;
    }
}
