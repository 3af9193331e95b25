using SkiaSharp;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>Known lines drawn black on white with a system CJK font, as a page scanned at about 200 dpi would show them.</summary>
internal static class RenderedText
{
    public const float FontSize = 36, LineSpacing = 80, Margin = 60;

    /// <summary>
    /// A typeface that draws Chinese, loaded from the system's font files (the NoDependencies Skia build has no
    /// fontconfig, so its font manager sees no system font). The tests fail, not skip, without one:
    /// scripts/install-test-deps.sh installs fonts-wqy-microhei.
    /// </summary>
    public static SKTypeface CjkTypeface()
    {
        IEnumerable<string> files = Directory.Exists("/usr/share/fonts")
            ? Directory.EnumerateFiles("/usr/share/fonts", "*.tt?", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];
        foreach (var file in files)
        {
            var typeface = SKTypeface.FromFile(file);
            if (typeface is not null && typeface.ContainsGlyph('主') && typeface.ContainsGlyph('·')) return typeface;
            typeface?.Dispose();
        }
        throw new InvalidOperationException("no font that draws Chinese is installed under /usr/share/fonts (fc-list :lang=zh is empty); run scripts/install-test-deps.sh (fonts-wqy-microhei)");
    }

    /// <summary>
    /// Draws <paramref name="lines"/> one under another, <paramref name="scale"/> times the usual size (a page scanned at
    /// that many times 200 dpi); returns the bitmap and each line's baseline y.
    /// </summary>
    public static (SKBitmap Bitmap, float[] Baselines) Draw(IReadOnlyList<string> lines, int width = 1400, float scale = 1)
    {
        using var typeface = CjkTypeface();
        using var font = new SKFont(typeface, FontSize * scale);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var height = (int)((Margin * 2 + LineSpacing * lines.Count) * scale);
        var bitmap = new SKBitmap(width, height, SKColorType.Bgra8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        var baselines = new float[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            baselines[i] = (Margin + LineSpacing * i + FontSize) * scale;
            canvas.DrawText(lines[i], Margin * scale, baselines[i], SKTextAlign.Left, font, paint);
        }
        canvas.Flush();
        return (bitmap, baselines);
    }

    public static byte[] Png(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
