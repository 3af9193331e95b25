using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>Maps a cell's style index to its number format code (custom numFmts first, then the built-in ids).</summary>
internal sealed class NumberFormats
{
    private readonly List<uint> _formatIds = [];
    private readonly Dictionary<uint, string> _custom = [];

    public NumberFormats(WorkbookStylesPart? part)
    {
        var sheet = part?.Stylesheet;
        if (sheet is null) return;
        foreach (var format in sheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code) _custom[id] = code;
        foreach (var xf in sheet.CellFormats?.Elements<CellFormat>() ?? [])
            _formatIds.Add(xf.NumberFormatId?.Value ?? 0);
    }

    public string? FormatCode(uint? styleIndex)
    {
        if (styleIndex is null || styleIndex.Value >= _formatIds.Count) return null;
        var id = _formatIds[(int)styleIndex.Value];
        return _custom.TryGetValue(id, out var code) ? code : ExcelNumberFormat.BuiltInCode((int)id);
    }
}
