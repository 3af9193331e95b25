using System.Text;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion;
using RagAssistant.Ingestion.Detection;

namespace RagAssistant.Web.Security;

/// <summary>
/// How a document's original file is sent, so that it can never run as active content on the app's origin. An Editor
/// may upload an SVG, XHTML, XML, HTML or JavaScript file (each is read as a text document); served inline under its own
/// type, the browser would run its script with the session of whoever opens the link. So only what a browser shows
/// inertly is inline — a PDF, plain text (as <c>text/plain; charset=utf-8</c>) and raster images; everything else is a
/// download of type <c>application/octet-stream</c>. Every answer, inline or download, carries a sandbox policy (no
/// script, an opaque origin, nothing loaded) and <c>nosniff</c>, so neither a wrong guess here nor the browser's own
/// sniffing can make a file active.
/// </summary>
internal static class InertOriginals
{
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'";
    public const string PlainText = "text/plain; charset=utf-8";
    private const string Neutral = "application/octet-stream";

    /// <summary>The original, inline when it is inert, otherwise (or when <paramref name="download"/>) as an attachment.</summary>
    public static IResult Serve(HttpContext context, StoredDocument document, byte[] bytes, bool download)
    {
        // SecurityHeaders writes the policy (this one instead of the page policy) and nosniff as the response starts.
        SecurityHeaders.ReplacePolicy(context, ContentSecurityPolicy);
        var kind = KindOf(document, bytes);
        if (download || kind is null) return TypedResults.File(bytes, kind?.DownloadType ?? Neutral, document.FileName);
        return kind == Text && Utf8(bytes) is { } text
            ? TypedResults.File(text, PlainText)
            : TypedResults.File(bytes, kind.InlineType);
    }

    /// <summary>
    /// What the original is, decided by the type detected from its content when it was stored and by its extension
    /// together: a text document shows inline only with a plain-text extension (an <c>x.js</c> read as text is still
    /// script to a browser), an image only when its bytes carry the format's signature. Null: not inert, download only.
    /// </summary>
    private static InertKind? KindOf(StoredDocument document, byte[] bytes)
    {
        var extension = Path.GetExtension(document.FileName).ToLowerInvariant();
        if (document.ContentType == ContentTypes.Pdf) return Pdf;
        if ((document.ContentType is ContentTypes.Text or ContentTypes.Markdown or ContentTypes.Csv) && PlainTextExtensions.Contains(extension))
            return Text;
        return RasterImages.FirstOrDefault(i => i.Extensions.Contains(extension) && i.Signature(bytes))?.Kind;
    }

    /// <summary>The text re-encoded as UTF-8 (plants store GB18030 files too, and the inline type names UTF-8); null when it is not text.</summary>
    private static byte[]? Utf8(byte[] bytes)
    {
        try
        {
            return Encoding.UTF8.GetBytes(TextDecoder.Decode(bytes).Text);
        }
        catch (IngestionException)
        {
            return null;
        }
    }

    private sealed record InertKind(string InlineType, string DownloadType);

    private sealed record RasterImage(string[] Extensions, InertKind Kind, SignatureCheck Signature);

    private delegate bool SignatureCheck(ReadOnlySpan<byte> bytes);

    private static readonly InertKind Pdf = new("application/pdf", "application/pdf");
    private static readonly InertKind Text = new(PlainText, "text/plain"); // a download keeps its bytes, so no charset is claimed

    private static readonly HashSet<string> PlainTextExtensions = [".txt", ".text", ".log", ".md", ".markdown", ".csv", ".tsv"];

    private static readonly RasterImage[] RasterImages =
    [
        new([".png"], new("image/png", "image/png"), b => b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])),
        new([".jpg", ".jpeg"], new("image/jpeg", "image/jpeg"), b => b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])),
        new([".gif"], new("image/gif", "image/gif"), b => b.StartsWith("GIF8"u8)),
        new([".webp"], new("image/webp", "image/webp"), b => b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)),
        new([".bmp"], new("image/bmp", "image/bmp"), b => b.StartsWith("BM"u8)),
    ];
}
