using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Cli.Output;
using RagAssistant.Core.Access;
using RagAssistant.Core.Contracts;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag docs list|show ID|delete ID [--db FILE] [--user NAME] [--json]</c>, through <see cref="ProtectedKnowledgeBase"/>:
/// with <c>--user</c> only that user's libraries exist (another library's document is "no document with id N").
/// </summary>
internal static class DocsCommand
{
    public static Command Create() => new("docs", "List, show and delete stored documents")
    {
        List(), Show(), Delete(),
    };

    private static Command List()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var library = CommonOptions.Library();
        var user = CommonOptions.User();
        var command = new Command("list", "List stored documents") { db, library, user, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var scope = await CallerScope.ResolveAsync(services, parse.GetValue(user), ct);
            var documents = await services.GetRequiredService<ProtectedKnowledgeBase>().ListDocumentsAsync(scope, parse.GetValue(library), ct);
            if (parse.GetValue(json)) JsonOutput.Write(new DocumentListJson(documents.Select(DocumentJson.From).ToList()));
            else HumanOutput.WriteDocuments(documents);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("ID") { Description = "Document id (see 'rag docs list')" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var user = CommonOptions.User();
        var command = new Command("show", "Show a document's metadata and its chunks") { id, db, user, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var scope = await CallerScope.ResolveAsync(services, parse.GetValue(user), ct);
            var knowledgeBase = services.GetRequiredService<ProtectedKnowledgeBase>();
            var document = await knowledgeBase.GetDocumentAsync(scope, parse.GetValue(id), ct)
                           ?? throw new CommandException($"no document with id {parse.GetValue(id)}");
            var chunks = await knowledgeBase.GetChunksAsync(scope, document.Id, ct);
            var pages = await knowledgeBase.GetPagesAsync(scope, document.Id, ct);
            if (parse.GetValue(json))
                JsonOutput.Write(new DocumentDetailJson(ToDetail(document), chunks.Select(ToJson).ToList())
                {
                    PageDetails = pages.Select(p => new PageJson(p.Number, p.Status, p.Characters, p.Error, p.Rotation)).ToList(),
                });
            else HumanOutput.WriteDocument(document, chunks, pages);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Delete()
    {
        var id = new Argument<long>("ID") { Description = "Document id (see 'rag docs list')" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var user = CommonOptions.User();
        var command = new Command("delete", "Delete a document and its chunks") { id, db, user, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var documentId = parse.GetValue(id);
            var scope = await CallerScope.ResolveAsync(services, parse.GetValue(user), ct);
            switch (await services.GetRequiredService<ProtectedKnowledgeBase>().DeleteDocumentAsync(scope, documentId, ct))
            {
                case WriteOutcome.NotFound:
                    throw new CommandException($"no document with id {documentId}");
                case WriteOutcome.Forbidden:
                    throw new CommandException($"user '{scope.User}' may not delete document {documentId}: no write grant on its library");
            }
            if (parse.GetValue(json)) JsonOutput.Write(new DeleteJson(documentId, true));
            else Console.Out.WriteLine($"deleted document {documentId}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static DocumentDetail ToDetail(StoredDocument d) => new(
        d.Id, d.Library, d.Source, d.FileName, d.Title, d.Kind, d.Identity, d.Revision,
        d.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Superseded, d.Status, d.ContentType,
        d.Sha256, d.Size, d.Pages, d.Chunks, d.Warnings.Select(w => w.ToString()).ToList(),
        d.CreatedAt.ToString("O", CultureInfo.InvariantCulture), d.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));

    private static ChunkJson ToJson(StoredChunk c) => new(c.Id, c.Ordinal, c.Context, c.Locator, c.Page, c.TokenCount, c.Text, c.Model);
}
