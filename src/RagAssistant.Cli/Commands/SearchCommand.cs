using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Cli.Output;
using RagAssistant.Core.Access;
using RagAssistant.Core.Search;

namespace RagAssistant.Cli.Commands;

/// <summary><c>rag search "QUERY" [--db FILE] [--top K] [--library NAME] [--kind KIND…] [--identity ID] [--language zh|en] [--retriever hybrid|dense|keyword] [--current-only] [--mmr] [--user NAME] [--json] [--explain]</c>;
/// with <c>--user</c> only the libraries that user may read are searched.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("QUERY") { Description = "The question or keywords" };
        var db = CommonOptions.Db();
        var top = new Option<int>("--top") { Description = "Number of results (1-100)", DefaultValueFactory = _ => 10 };
        top.Validators.Add(r =>
        {
            if (r.GetValue(top) is < 1 or > 100) r.AddError("--top must be between 1 and 100");
        });
        var library = CommonOptions.Library();
        var retriever = new Option<RetrieverMode>("--retriever") { Description = "hybrid (default), dense or keyword", DefaultValueFactory = _ => RetrieverMode.Hybrid };
        var currentOnly = new Option<bool>("--current-only") { Description = "Leave out superseded revisions" };
        var kind = new Option<string[]>("--kind") { Description = "Only these kinds (process_card, standard, work_instruction, manual, other)", HelpName = "KIND", AllowMultipleArgumentsPerToken = true };
        kind.Validators.Add(r =>
        {
            foreach (var k in r.GetValue(kind) ?? [])
                if (!RagAssistant.Core.Documents.DocumentKind.All.Contains(k)) r.AddError($"--kind {k}: not one of {string.Join(", ", RagAssistant.Core.Documents.DocumentKind.All)}");
        });
        var identity = new Option<string?>("--identity") { Description = "Only this document identity, all its revisions (e.g. \"Q/JD 105\")", HelpName = "ID" };
        var language = new Option<string?>("--language") { Description = "Only chunks in this language: zh (text with Chinese characters) or en (without)", HelpName = "zh|en" };
        language.Validators.Add(r =>
        {
            if (r.GetValue(language) is { } l && !ChunkLanguage.All.Contains(l)) r.AddError($"--language {l}: not one of {string.Join(", ", ChunkLanguage.All)}");
        });
        var mmr = new Option<bool>("--mmr") { Description = "Re-rank by maximal marginal relevance so near-duplicates do not crowd the top (Rag:Retrieval:Mmr)" };
        var user = CommonOptions.User();
        var json = CommonOptions.Json();
        var explain = new Option<bool>("--explain") { Description = "Also print how each result's score was built: each list's share and every ranking rule that changed it (with --json: the key \"explain\")" };
        var command = new Command("search", "Search the knowledge base") { query, db, top, library, kind, identity, language, retriever, currentOnly, mmr, user, json, explain };

        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var text = parse.GetValue(query) ?? "";
            if (string.IsNullOrWhiteSpace(text)) throw new CommandException("the query is empty");
            var scope = await CallerScope.ResolveAsync(services, parse.GetValue(user), ct);
            var filter = new SearchFilter(
                Libraries: parse.GetValue(library) is { } l ? [l] : null,
                Kinds: parse.GetValue(kind) is { Length: > 0 } kinds ? kinds : null,
                Identity: parse.GetValue(identity),
                CurrentOnly: parse.GetValue(currentOnly),
                Language: parse.GetValue(language));
            // Without --mmr the configured default applies (Rag:Retrieval:Mmr:Enabled).
            var (_, results) = await services.GetRequiredService<ProtectedKnowledgeBase>()
                .SearchAsync(scope, text, new SearchOptions(parse.GetValue(top), parse.GetValue(retriever), filter, parse.GetValue(mmr) ? true : null), ct);

            if (parse.GetValue(json))
            {
                JsonOutput.Write(new SearchJson(results.Select(r => new SearchResultJson(
                    r.Rank, r.Chunk.ChunkId, r.Chunk.Source, r.Chunk.Page, r.Chunk.Locator, r.Chunk.Text, Math.Round(r.Score, 6),
                    r.DenseRank, r.KeywordRank, r.Chunk.Superseded,
                    r.DenseScore is { } dense ? Math.Round(dense, 6) : null, r.KeywordScore is { } keyword ? Math.Round(keyword, 6) : null)).ToList())
                {
                    Explain = parse.GetValue(explain) ? results.Select(RagAssistant.Core.Answers.ChunkExplain.From).ToList() : null,
                });
            }
            else
            {
                HumanOutput.WriteSearch(results, parse.GetValue(explain));
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
