using System.Text;
using RagAssistant.Ingestion.Detection;

namespace RagAssistant.Ingestion.Tests;

public class TextDecoderTests
{
    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Chinese = "第60工序 精车Φ35k6轴颈，主轴转速 950 r/min，进给 0.10 mm/r。";

    [Fact]
    public void Utf8WithoutBom_Decodes()
    {
        var (text, encoding) = TextDecoder.Decode(Encoding.UTF8.GetBytes(Chinese));
        Assert.Equal(Chinese, text);
        Assert.Equal("utf-8", encoding);
    }

    [Fact]
    public void Utf8Bom_IsStripped()
    {
        var (text, _) = TextDecoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("abc")]);
        Assert.Equal("abc", text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16WithBom_Decodes(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var (text, name) = TextDecoder.Decode([.. encoding.GetPreamble(), .. encoding.GetBytes(Chinese)]);
        Assert.Equal(Chinese, text);
        Assert.Equal(bigEndian ? "utf-16be" : "utf-16le", name);
    }

    [Fact]
    public void Utf16WithoutBom_IsRecognisedFromZeroBytes()
    {
        var (text, name) = TextDecoder.Decode(Encoding.Unicode.GetBytes("Spindle speed 950 r/min, feed 0.10 mm/r"));
        Assert.Equal("Spindle speed 950 r/min, feed 0.10 mm/r", text);
        Assert.Equal("utf-16le", name);
    }

    [Fact]
    public void Gb18030_IsDetected()
    {
        var (text, name) = TextDecoder.Decode(Encoding.GetEncoding("GB18030").GetBytes(Chinese));
        Assert.Equal(Chinese, text);
        Assert.Equal("gb18030", name);
    }

    [Fact]
    public void Gbk_IsDetected()
    {
        var (text, _) = TextDecoder.Decode(Encoding.GetEncoding(936).GetBytes("调质硬度 241–286 HBW，淬火后回火。"));
        Assert.Contains("调质硬度", text);
    }

    [Fact]
    public void InvalidUtf8_IsRefusedWithOffset()
    {
        byte[] bytes = [.. "abc "u8, 0xC3, 0x28, .. " def"u8];
        var ex = Assert.Throws<IngestionException>(() => TextDecoder.Decode(bytes));
        Assert.Contains("UTF-8", ex.Message);
        Assert.Contains("offset 4", ex.Message);
    }

    [Fact]
    public void Latin1Text_IsRefusedRatherThanGarbled()
    {
        var ex = Assert.Throws<IngestionException>(() => TextDecoder.Decode(Encoding.Latin1.GetBytes("Café crème, façade à Zürich.")));
        Assert.Contains("UTF-8", ex.Message);
    }

    [Fact]
    public void NulBytes_MeanBinary()
    {
        var ex = Assert.Throws<IngestionException>(() => TextDecoder.Decode([0x41, 0x00, 0x00, 0x42, 0x43, 0x00, 0x01, 0x02, 0x03, 0x04]));
        Assert.Contains("binary", ex.Message);
    }

    [Fact]
    public void AFewStrayControlCharacters_BecomeSpaces_SoEveryStoreKeepsTheSameText()
    {
        var text = "工序 10：拧紧\0扭矩 25±2 N·m\u001b，每班首件检验。" + new string('字', 300);

        var (decoded, encoding) = TextDecoder.Decode(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray());

        Assert.Equal("utf-16le", encoding);
        Assert.StartsWith("工序 10：拧紧 扭矩 25±2 N·m ，每班首件检验。", decoded);
        Assert.DoesNotContain('\0', decoded);
        Assert.Equal(text.Length, decoded.Length);
    }

    [Fact]
    public void ManyControlCharacters_MeanBinary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x07 : 0x41)).ToArray();
        var ex = Assert.Throws<IngestionException>(() => TextDecoder.Decode(bytes));
        Assert.Contains("binary", ex.Message);
    }
}
