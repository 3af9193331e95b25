using System.IO.Compression;
using System.Text;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Detection;

namespace RagAssistant.Ingestion.Tests;

public class ContentTypeDetectorTests
{
    private static DetectedContent Detect(string text, string name) => ContentTypeDetector.Detect(Encoding.UTF8.GetBytes(text), name);

    private const string Csv = "零件号,工序,转速\nJD-2105-0318,60,950\nJD-2105-0318,70,1200\n";
    private const string Html = "<!DOCTYPE html><html><head><title>T</title></head><body><h1>Alert</h1><p>Text</p></body></html>";

    [Fact]
    public void EmptyFile_IsRefused()
    {
        var ex = Assert.Throws<IngestionException>(() => ContentTypeDetector.Detect([], "a.txt"));
        Assert.Contains("empty", ex.Message);
    }

    [Theory]
    [InlineData("notes.md", "# Title\n\nText.", ContentTypes.Markdown)]
    [InlineData("notes.txt", "Plain prose, with a comma.\nAnother line.", ContentTypes.Text)]
    [InlineData("data.csv", Csv, ContentTypes.Csv)]
    [InlineData("page.html", Html, ContentTypes.Html)]
    public void MatchingExtension_IsBelievedWithoutWarning(string name, string content, string expected)
    {
        var detected = Detect(content, name);
        Assert.Equal(expected, detected.Type);
        Assert.Null(detected.Warning);
    }

    [Fact]
    public void HtmlNamedTxt_IsReadAsHtml_WithWarningNamingBoth()
    {
        var detected = Detect(Html, "alert.txt");
        Assert.Equal(ContentTypes.Html, detected.Type);
        Assert.Equal(IngestWarning.TypeMismatch, detected.Warning?.Code);
        Assert.Equal(".txt", detected.Warning?.Name);
        Assert.Contains("html", detected.Warning?.Text);
    }

    [Fact]
    public void ProseNamedCsv_IsReadAsText_WithWarning()
    {
        var detected = Detect("This is a maintenance note. The spindle was checked, and the bearing replaced.\nNothing else.", "log.csv");
        Assert.Equal(ContentTypes.Text, detected.Type);
        Assert.Contains(".csv", detected.Warning?.Text);
    }

    [Fact]
    public void TextNamedPdf_IsReadAsText_WithWarning()
    {
        var detected = Detect("# 设备点检\n\n每班检查液压油位。", "manual.pdf");
        Assert.Equal(ContentTypes.Markdown, detected.Type);
        Assert.Contains(".pdf", detected.Warning?.Text);
    }

    [Fact]
    public void UnknownExtension_IsSniffed()
    {
        Assert.Equal(ContentTypes.Csv, Detect(Csv, "export.dat").Type);
        Assert.Null(Detect(Csv, "export.dat").Warning);
    }

    [Fact]
    public void PdfSignature_WinsOverExtension()
    {
        var detected = ContentTypeDetector.Detect("%PDF-1.7\n%âãÏÓ\n1 0 obj"u8.ToArray(), "card.txt");
        Assert.Equal(ContentTypes.Pdf, detected.Type);
        Assert.NotNull(detected.Warning);
    }

    [Fact]
    public void OleContainer_IsLegacyOffice()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        Assert.Equal(ContentTypes.LegacyOffice, ContentTypeDetector.Detect(ole, "card.xls").Type);
    }

    [Fact]
    public void ZipWithWordDocument_IsDocx()
    {
        var bytes = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));
        Assert.Equal(ContentTypes.Docx, ContentTypeDetector.Detect(bytes, "card.zip").Type);
    }

    [Fact]
    public void PlainZip_IsArchive()
    {
        Assert.Equal(ContentTypes.Zip, ContentTypeDetector.Detect(Zip(("a.md", "# A")), "docs.zip").Type);
    }

    [Fact]
    public void PngJpegAndBmp_AreImages_ReadByOcr_OtherImagesAreBinary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
        byte[] bmp = [(byte)'B', (byte)'M', 0x3A, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0];
        Assert.Equal(ContentTypes.Image, ContentTypeDetector.Detect(png, "photo.png").Type);
        Assert.Equal(ContentTypes.Image, ContentTypeDetector.Detect(jpeg, "nameplate.jpg").Type);
        Assert.Equal(ContentTypes.Image, ContentTypeDetector.Detect(bmp, "scan.bmp").Type);
        Assert.Equal(ContentTypes.Binary, ContentTypeDetector.Detect([.. "GIF89a"u8, 1, 0, 1, 0], "anim.gif").Type);
        // A text file that merely starts with "BM" is text.
        Assert.Equal(ContentTypes.Text, ContentTypeDetector.Detect("BMW spindle motor: check the bearings every 500 hours."u8.ToArray(), "notes.txt").Type);
    }

    [Fact]
    public void TiffByItsByteOrderMark_ClassicOrBig_IsTiff_WhateverItsName()
    {
        Assert.Equal(ContentTypes.Tiff, ContentTypeDetector.Detect([.. "II*\0"u8, 8, 0, 0, 0], "scan.tif").Type);
        Assert.Equal(ContentTypes.Tiff, ContentTypeDetector.Detect([.. "MM\0*"u8, 0, 0, 0, 8], "scan.tiff").Type);
        Assert.Equal(ContentTypes.Tiff, ContentTypeDetector.Detect([.. "II+\0"u8, 8, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0], "big.tif").Type);
        var misnamed = ContentTypeDetector.Detect([.. "II*\0"u8, 8, 0, 0, 0], "scan.png");
        Assert.Equal(ContentTypes.Tiff, misnamed.Type);
        Assert.Contains("the content is tiff", misnamed.Warning?.Text);
    }

    internal static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
