using System.Security;
using System.Text;

namespace CorpusGenerator;

/// <summary>A table cell: its text (lines split at '\n'), columns spanned, and "restart"/"continue" for vertical merges.</summary>
internal sealed record Tc(string Text, int Span = 1, string? VMerge = null);

/// <summary>Builds a minimal .docx body by hand: headings (styles with outline levels), numbered lists, tables, a page header.</summary>
internal sealed class Docx
{
    /// <summary>numId 1: "1." "1.1" decimal outline; numId 2: "a)" letters; numId 3: "1." restarted list; numId 4: bullets.</summary>
    public const int Steps = 1, Letters = 2, Steps2 = 3, Bullets = 4;

    private readonly StringBuilder _body = new();

    public Docx Title(string text) => Paragraph(text, "Title");
    public Docx Heading(int level, string text) => Paragraph(text, $"Heading{level}");

    public Docx Paragraph(string text, string? style = null, (int NumId, int Level)? list = null)
    {
        _body.Append("<w:p>");
        if (style is not null || list is not null)
        {
            _body.Append("<w:pPr>");
            if (style is not null) _body.Append($"<w:pStyle w:val=\"{style}\"/>");
            if (list is { } l) _body.Append($"<w:numPr><w:ilvl w:val=\"{l.Level}\"/><w:numId w:val=\"{l.NumId}\"/></w:numPr>");
            _body.Append("</w:pPr>");
        }
        Runs(text);
        _body.Append("</w:p>");
        return this;
    }

    public Docx Item(string text, int numId = Steps, int level = 0) => Paragraph(text, null, (numId, level));

    /// <summary>A table; rows marked as header repeat on each page (w:tblHeader).</summary>
    public Docx Table(int[] widths, int headerRows, params Tc[][] rows)
    {
        _body.Append("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>");
        foreach (var side in new[] { "top", "left", "bottom", "right", "insideH", "insideV" })
            _body.Append($"<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
        _body.Append("</w:tblBorders></w:tblPr><w:tblGrid>");
        foreach (var w in widths) _body.Append($"<w:gridCol w:w=\"{w}\"/>");
        _body.Append("</w:tblGrid>");
        for (var r = 0; r < rows.Length; r++)
        {
            _body.Append("<w:tr>");
            if (r < headerRows) _body.Append("<w:trPr><w:tblHeader/></w:trPr>");
            foreach (var cell in rows[r])
            {
                _body.Append("<w:tc><w:tcPr>");
                if (cell.Span > 1) _body.Append($"<w:gridSpan w:val=\"{cell.Span}\"/>");
                if (cell.VMerge == "restart") _body.Append("<w:vMerge w:val=\"restart\"/>");
                else if (cell.VMerge == "continue") _body.Append("<w:vMerge/>");
                _body.Append("</w:tcPr>");
                foreach (var line in cell.Text.Split('\n'))
                {
                    _body.Append("<w:p>");
                    Runs(line);
                    _body.Append("</w:p>");
                }
                _body.Append("</w:tc>");
            }
            _body.Append("</w:tr>");
        }
        _body.Append("</w:tbl><w:p/>");
        return this;
    }

    private void Runs(string text)
    {
        if (text.Length > 0) _body.Append($"<w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r>");
    }

    public void Save(string path, string pageHeader)
    {
        using var zip = Xlsx.OpenZip(path);
        Xlsx.Entry(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
            <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
            <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
            </Types>
            """);
        Xlsx.Entry(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """);
        Xlsx.Entry(zip, "word/_rels/document.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
            </Relationships>
            """);
        const string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
        Xlsx.Entry(zip, "word/document.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {ns}><w:body>{_body}"
            + "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1200\" w:bottom=\"1440\" w:left=\"1200\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
        Xlsx.Entry(zip, "word/header1.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:hdr {ns}><w:p><w:r><w:t>{SecurityElement.Escape(pageHeader)}</w:t></w:r></w:p></w:hdr>");
        Xlsx.Entry(zip, "word/styles.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles {ns}>
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:eastAsia="等线" w:hAnsi="Calibri"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
            <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
            </w:styles>
            """);
        Xlsx.Entry(zip, "word/numbering.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:numbering {ns}>
            <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>
            <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
            <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
            <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
            <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
            </w:numbering>
            """);
    }
}
