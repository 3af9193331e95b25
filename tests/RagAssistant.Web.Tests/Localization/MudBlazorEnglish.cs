using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using MudBlazor;

namespace RagAssistant.Web.Tests.Localization;

/// <summary>MudBlazor's built-in English words, by key, read from its own resource (so a MudBlazor update that adds keys shows up here).</summary>
public static partial class MudBlazorEnglish
{
    public static readonly IReadOnlyDictionary<string, string> Words = Read();

    /// <summary>The English words as patterns matching a whole label ("Toggle {0}" matches "Toggle Tools"); the signs (=, &lt;) left out.</summary>
    public static readonly IReadOnlyList<Regex> Labels = Words.Values.Where(v => v.Any(char.IsAsciiLetter)).Distinct()
        .Select(v => new Regex("^" + string.Join(".+", Placeholder().Split(v).Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant))
        .ToList();

    private static Dictionary<string, string> Read()
    {
        // The resource's name is MudBlazor's (src/MudBlazor/Resources/LanguageResource.resx); its class is internal.
        var resources = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudTable<>).Assembly);
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException("MudBlazor's English resource was not found");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [GeneratedRegex(@"\{\d\}")]
    public static partial Regex Placeholder();
}
