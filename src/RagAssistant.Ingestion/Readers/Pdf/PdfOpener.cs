using RagAssistant.Core.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace RagAssistant.Ingestion.Readers.Pdf;

/// <summary>
/// Opens a PDF leniently (PdfPig recovers broken cross-reference tables by scanning for objects; missing fonts are
/// skipped rather than fatal) with the given passwords, tried in order, and turns what PdfPig throws into the reason
/// a user sees. Passwords never appear in a message or a log.
/// </summary>
internal static class PdfOpener
{
    /// <summary>
    /// PdfPig's own nesting guard, in levels. Its default (256) is kept; the reader thread's large stack
    /// (<see cref="IsolatedReader"/>) makes sure this guard trips before the stack runs out.
    /// </summary>
    private const int MaxStackDepth = 256;

    public static PdfDocument Open(ReaderInput input)
    {
        var options = new ParsingOptions
        {
            UseLenientParsing = true,
            SkipMissingFonts = true,
            MaxStackDepth = MaxStackDepth,
            // The empty user password is tried first by PdfPig itself, so owner-password-only files open without one.
            Passwords = input.Passwords.ToList(),
        };
        PdfDocument? document = null;
        try
        {
            document = PdfDocument.Open(input.Bytes, options);
            _ = document.NumberOfPages; // the page tree is read lazily; a broken one must fail here, as "malformed"
            return document;
        }
        catch (PdfDocumentEncryptedException)
        {
            document?.Dispose();
            throw new IngestionException(IngestProblem.PasswordProtected, input.Passwords.Count == 0
                ? "encrypted PDF: password required (give it with --password-file)"
                : $"encrypted PDF: password required — none of the {input.Passwords.Count} given password(s) opens it");
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            document?.Dispose();
            throw new IngestionException(IngestProblem.Damaged, $"malformed PDF, cannot be opened: {Describe(ex)}");
        }
    }

    /// <summary>The exception's message without a stack trace; the type when the message says nothing.</summary>
    public static string Describe(Exception ex)
    {
        var message = ex.Message.ReplaceLineEndings(" ").Trim();
        if (message.Length > 200) message = message[..200] + "…";
        return string.IsNullOrEmpty(message) ? ex.GetType().Name : message;
    }
}
