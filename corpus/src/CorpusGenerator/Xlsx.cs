using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace CorpusGenerator;

/// <summary>One worksheet: cells by A1 reference, merged ranges, hidden rows.</summary>
internal sealed class Sheet(string name, bool hidden = false)
{
    public string Name { get; } = name;
    public bool Hidden { get; } = hidden;
    public SortedDictionary<(int Row, int Column), (string Xml, string? Text)> Cells { get; } = [];
    public List<string> Merges { get; } = [];
    public HashSet<int> HiddenRows { get; } = [];

    public Sheet Text(string reference, string text, int style = 0) => Put(reference, null, text, style);
    public Sheet Number(string reference, double value, int style = 0) =>
        Put(reference, $"<v>{value.ToString("R", CultureInfo.InvariantCulture)}</v>", null, style);
    public Sheet Formula(string reference, string formula, double cached, int style = 0) =>
        Put(reference, $"<f>{SecurityElement.Escape(formula)}</f><v>{cached.ToString("R", CultureInfo.InvariantCulture)}</v>", null, style);
    public Sheet Date(string reference, DateTime date, int style = Xlsx.DateStyle) =>
        Number(reference, (date - new DateTime(1899, 12, 30)).TotalDays, style);
    public Sheet Merge(string range) { Merges.Add(range); return this; }

    /// <summary>Writes a row from column A: strings as text, doubles/ints as numbers (numbers get <paramref name="numberStyle"/>).</summary>
    public Sheet Row(int row, params object?[] values) => RowStyled(row, 0, values);

    public Sheet RowStyled(int row, int numberStyle, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var reference = Xlsx.Column(i + 1) + row;
            switch (values[i])
            {
                case null: break;
                case string s when s.Length > 0: Text(reference, s); break;
                case int n: Number(reference, n); break;
                case double d: Number(reference, d, numberStyle); break;
                case (double d, int style): Number(reference, d, style); break;
            }
        }
        return this;
    }

    private Sheet Put(string reference, string? xml, string? text, int style)
    {
        var (r, c) = Xlsx.Parse(reference);
        Cells[(r, c)] = (xml ?? "", text);
        if (style != 0) Styles[(r, c)] = style;
        return this;
    }

    public Dictionary<(int, int), int> Styles { get; } = [];
}

/// <summary>Writes a minimal, valid .xlsx by hand (workbook, sheets, shared or inline strings, styles).</summary>
internal static class Xlsx
{
    public const int Fixed2Style = 1, DateStyle = 2, PercentStyle = 3, Fixed3Style = 4, ChineseDateStyle = 5;

    public static void Write(string path, IReadOnlyList<Sheet> sheets, bool inlineStrings = false)
    {
        var shared = new List<string>();
        var index = new Dictionary<string, int>();
        using var zip = OpenZip(path);
        Entry(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            """ + string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) + "</Types>");
        Entry(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Entry(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"""
            + string.Concat(sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\"{(s.Hidden ? " state=\"hidden\"" : "")} r:id=\"rId{i + 1}\"/>"))
            + "</sheets></workbook>");
        Entry(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
            + string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"))
            + $"<Relationship Id=\"rId{sheets.Count + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + $"<Relationship Id=\"rId{sheets.Count + 2}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        Entry(zip, "xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.000"/><numFmt numFmtId="166" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
            <fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
            <cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
            </styleSheet>
            """);
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            foreach (var row in sheet.Cells.GroupBy(c => c.Key.Row))
            {
                sb.Append($"<row r=\"{row.Key}\"{(sheet.HiddenRows.Contains(row.Key) ? " hidden=\"1\"" : "")}>");
                foreach (var ((r, c), (xml, text)) in row)
                {
                    var reference = Column(c) + r;
                    var style = sheet.Styles.TryGetValue((r, c), out var s) ? $" s=\"{s}\"" : "";
                    if (text is null) sb.Append($"<c r=\"{reference}\"{style}>{xml}</c>");
                    else if (inlineStrings) sb.Append($"<c r=\"{reference}\"{style} t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(text)}</t></is></c>");
                    else
                    {
                        if (!index.TryGetValue(text, out var n)) { n = shared.Count; shared.Add(text); index[text] = n; }
                        sb.Append($"<c r=\"{reference}\"{style} t=\"s\"><v>{n}</v></c>");
                    }
                }
                sb.Append("</row>");
            }
            sb.Append("</sheetData>");
            if (sheet.Merges.Count > 0) sb.Append($"<mergeCells count=\"{sheet.Merges.Count}\">{string.Concat(sheet.Merges.Select(m => $"<mergeCell ref=\"{m}\"/>"))}</mergeCells>");
            sb.Append("</worksheet>");
            Entry(zip, $"xl/worksheets/sheet{i + 1}.xml", sb.ToString());
        }
        Entry(zip, "xl/sharedStrings.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{shared.Count}\" uniqueCount=\"{shared.Count}\">"
            + string.Concat(shared.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>")) + "</sst>");
    }

    public static string Column(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    public static (int Row, int Column) Parse(string reference)
    {
        var i = 0;
        var column = 0;
        while (char.IsAsciiLetter(reference[i])) column = column * 26 + reference[i++] - 'A' + 1;
        return (int.Parse(reference[i..], CultureInfo.InvariantCulture), column);
    }

    /// <summary>A ZIP with fixed timestamps, so the same sources give byte-identical documents.</summary>
    public static ZipArchive OpenZip(string path)
    {
        if (File.Exists(path)) File.Delete(path);
        return ZipFile.Open(path, ZipArchiveMode.Create);
    }

    public static void Entry(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        var bytes = Encoding.UTF8.GetBytes(content.Trim());
        stream.Write(bytes);
    }
}
