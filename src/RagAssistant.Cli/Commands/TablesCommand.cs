using System.CommandLine;
using RagAssistant.Cli.Output;
using RagAssistant.Ingestion;
using RagAssistant.Ingestion.Tables;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag tables FILE.pdf [--json]</c>: the tables the PDF reader finds in a file — page, caption, header rows and every
/// cell (row, col, spans, text, page, box). With <c>--json</c> the output is the prediction format that
/// ../shared/benchmarks/icdar2013-tables/evaluate.py reads (<c>{"tables": [{"cells": [...]}]}</c>), so anyone can score a build.
/// </summary>
internal static class TablesCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A PDF file" };
        var json = CommonOptions.Json();
        var command = new Command("tables", "Show the tables found in a PDF (as ingestion finds them)") { file, json };
        command.SetAction((parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"rag: {path}: no such file");
                return Task.FromResult(ExitCodes.Usage);
            }
            IReadOnlyList<FoundTable> tables;
            try
            {
                tables = PdfTables.Read(Path.GetFileName(path), File.ReadAllBytes(path), ct);
            }
            catch (IngestionException ex)
            {
                Console.Error.WriteLine($"rag: {path}: {ex.Message}");
                return Task.FromResult(ExitCodes.Failed);
            }
            if (parse.GetValue(json)) JsonOutput.Write(new TablesJson(tables));
            else Print(tables);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void Print(IReadOnlyList<FoundTable> tables)
    {
        if (tables.Count == 0) Console.Out.WriteLine("no tables found");
        for (var i = 0; i < tables.Count; i++)
        {
            var t = tables[i];
            var pages = t.LastPage > t.Page ? $"pages {t.Page}–{t.LastPage}" : $"page {t.Page}";
            Console.Out.WriteLine($"table {i + 1}: {pages}, {t.Rows} rows × {t.Columns} columns, {t.HeaderRows} header row(s), {(t.Ruled ? "ruled" : "aligned")}{(t.Caption is null ? "" : $", caption: {t.Caption}")}");
            foreach (var row in t.Cells.GroupBy(c => c.Row))
            {
                var cells = row.Select(c => (c.ColSpan > 1 || c.RowSpan > 1 ? $"[{c.Col}+{c.ColSpan - 1}↓{c.RowSpan - 1}] " : "") + c.Text.Replace('\n', ' '));
                Console.Out.WriteLine($"  {(row.First().Header ? "h" : " ")}{row.Key,3}: " + string.Join(" | ", cells));
            }
        }
    }
}
