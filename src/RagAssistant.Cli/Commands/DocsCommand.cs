using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Cli.Output;
using RagAssistant.Core.Contracts;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;

namespace RagAssistant.Cli.Commands;

/// <summary><c>rag docs list|show ID|delete ID [--db FILE] [--json]</c></summary>
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
        var command = new Command("list", "List stored documents") { db, library, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var documents = await services.GetRequiredService<IDocumentStore>().ListAsync(parse.GetValue(library), ct);
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
        var command = new Command("show", "Show a document's metadata and its chunks") { id, db, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var store = services.GetRequiredService<IDocumentStore>();
            var document = await store.GetAsync(parse.GetValue(id), ct)
                           ?? throw new CommandException($"no document with id {parse.GetValue(id)}");
            var chunks = await store.GetChunksAsync(document.Id, ct);
            var pages = await store.GetPagesAsync(document.Id, ct);
            if (parse.GetValue(json))
                JsonOutput.Write(new DocumentDetailJson(ToDetail(document), chunks.Select(ToJson).ToList())
                {
                    PageDetails = pages.Select(p => new PageJson(p.Number, p.Status, p.Characters, p.Error)).ToList(),
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
        var command = new Command("delete", "Delete a document and its chunks") { id, db, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(db), async services =>
        {
            var documentId = parse.GetValue(id);
            if (!await services.GetRequiredService<IDocumentStore>().DeleteAsync(documentId, ct))
                throw new CommandException($"no document with id {documentId}");
            if (parse.GetValue(json)) JsonOutput.Write(new DeleteJson(documentId, true));
            else Console.Out.WriteLine($"deleted document {documentId}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static DocumentDetail ToDetail(StoredDocument d) => new(
        d.Id, d.Library, d.Source, d.FileName, d.Title, d.Kind, d.Identity, d.Revision,
        d.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Superseded, d.Status, d.ContentType,
        d.Sha256, d.Size, d.Pages, d.Chunks, d.Warnings,
        d.CreatedAt.ToString("O", CultureInfo.InvariantCulture), d.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));

    private static ChunkJson ToJson(StoredChunk c) => new(c.Id, c.Ordinal, c.Context, c.Locator, c.Page, c.TokenCount, c.Text);
}
