using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>A table found on a page: its column extents and its rows (the first row is taken as the header).</summary>
internal sealed class DetectedTable(int page, IReadOnlyList<(double Left, double Right)> columns)
{
    public int Page { get; } = page;
    public IReadOnlyList<(double Left, double Right)> Columns { get; } = columns;
    public List<DetectedRow> Rows { get; } = [];
    public string? Caption { get; set; }
    /// <summary>Last page the table reaches once continuations on following pages are joined to it.</summary>
    public int LastPage { get; set; } = page;
}

/// <summary>One table row: a cell per column (empty where the row has none) and the boxes of its lines.</summary>
internal sealed class DetectedRow(string[] cells, List<PageBox> boxes)
{
    public string[] Cells { get; } = cells;
    public List<PageBox> Boxes { get; } = boxes;
}
