using System.Diagnostics;
using RagAssistant.Ingestion;

namespace RagAssistant.Cli.Output;

/// <summary>
/// A one-line live progress bar on stderr — files done of total, chunks, files/s and the current file — redrawn at
/// most ten times a second. Drawn only when stderr is a terminal, so logs and pipes stay clean.
/// </summary>
internal sealed class ProgressBar : IProgress<IngestProgress>, IDisposable
{
    private const int BarWidth = 24;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private long _lastDrawMs = -1000;
    private bool _drawn;

    public static ProgressBar? ForTerminal() => Console.IsErrorRedirected ? null : new ProgressBar();

    public void Report(IngestProgress value)
    {
        lock (_lock)
        {
            var now = _clock.ElapsedMilliseconds;
            if (now - _lastDrawMs < 100 && value.FilesDone < value.FilesTotal && value.OcrPagesDone < value.OcrPagesTotal) return;
            _lastDrawMs = now;
            var width = Math.Max(40, SafeWindowWidth() - 1);
            var fraction = value.FilesTotal == 0 ? 1 : (double)value.FilesDone / value.FilesTotal;
            var filled = (int)Math.Round(fraction * BarWidth);
            var seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
            var line = $"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {value.FilesDone}/{value.FilesTotal} files, " +
                       $"{value.Chunks} chunks, {value.Chunks / seconds:0.0} chunks/s, {value.FilesDone / seconds:0.0} files/s, {value.Bytes / seconds / 1024 / 1024:0.0} MiB/s";
            if (value.CurrentFile is not null) line += "  " + value.CurrentFile;
            if (value.OcrPagesTotal > 0) line += $"  ocr {value.OcrPagesDone}/{value.OcrPagesTotal}";
            if (line.Length > width) line = line[..(width - 1)] + "…";
            Console.Error.Write("\r" + line.PadRight(width));
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_drawn) Console.Error.WriteLine();
        }
    }

    private static int SafeWindowWidth()
    {
        try { return Console.WindowWidth > 0 ? Console.WindowWidth : 100; }
        catch (IOException) { return 100; }
    }
}
