using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>The workbook's shared-strings table, read with the SAX reader (it can hold hundreds of thousands of items).</summary>
internal sealed class SharedStrings
{
    private readonly List<string> _items = [];

    public SharedStrings(SharedStringTablePart? part)
    {
        if (part is null) return;
        using var reader = OpenXmlReader.Create(part);
        reader.Read(); // positions the reader on the root element
        while (!reader.EOF)
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                _items.Add(SpreadsheetText.Of(reader.LoadCurrentElement()!));
            else reader.Read();
        }
    }

    /// <summary>The item at an index; a bad index (a damaged file) gives empty text rather than an exception.</summary>
    public string this[int index] => index >= 0 && index < _items.Count ? _items[index] : "";
}
