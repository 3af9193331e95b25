using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>Text of a shared-string item or an inline string: plain or rich runs, without phonetic (ruby) runs.</summary>
internal static class SpreadsheetText
{
    public static string Of(OpenXmlElement item)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var text in item.Descendants<Text>())
            if (text.Parent is not PhoneticRun) sb.Append(text.Text);
        return sb.ToString();
    }
}
