using System.Text;

namespace RagAssistant.Ingestion.Detection;

/// <summary>
/// Tells what an OLE compound file (CFB, magic D0 CF 11 E0 A1 B1 1A E1) holds by the names of its streams: a
/// password-protected OOXML file (EncryptionInfo + EncryptedPackage), or a legacy Word/Excel/PowerPoint 97–2003
/// file (WordDocument, Workbook/Book, PowerPoint Document). Directory entries are 128 bytes, start on sector
/// boundaries after the 512-byte header and hold their name in UTF-16LE with its byte length at offset 64, so the
/// names are found by walking 128-byte slots — without following the FAT, which a damaged file may break.
/// </summary>
public static class OleContainer
{
    public enum Kind { Unknown, Encrypted, Word, Excel, PowerPoint }

    public static Kind Classify(ReadOnlySpan<byte> bytes)
    {
        var names = StreamNames(bytes);
        if (names.Contains("EncryptedPackage") || names.Contains("EncryptionInfo")) return Kind.Encrypted;
        if (names.Contains("WordDocument")) return Kind.Word;
        if (names.Contains("Workbook") || names.Contains("Book")) return Kind.Excel;
        if (names.Contains("PowerPoint Document")) return Kind.PowerPoint;
        return Kind.Unknown;
    }

    public static HashSet<string> StreamNames(ReadOnlySpan<byte> bytes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var offset = 512; offset + 128 <= bytes.Length; offset += 128)
        {
            var entry = bytes.Slice(offset, 128);
            var length = entry[64] | entry[65] << 8;
            var type = entry[66];
            // Storage (1), stream (2) or root (5); name length includes the terminating NUL, at most 64 bytes.
            if (type is not (1 or 2 or 5) || length < 4 || length > 64 || length % 2 != 0) continue;
            if (entry[length - 2] != 0 || entry[length - 1] != 0) continue;
            var name = Encoding.Unicode.GetString(entry[..(length - 2)]);
            names.Add(name.TrimStart('\u0005', '\u0001')); // "\u0005SummaryInformation" and the like
        }
        return names;
    }
}
