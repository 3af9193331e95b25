using System.Text.RegularExpressions;

namespace RagAssistant.Core.Language;

/// <summary>
/// Chemical formulas a text names (H2, CO2, SF6, H2SO4, Al2O3): element symbols as written — a capital, perhaps a small
/// letter — each with at most one digit, never 1 (no formula writes it), and a digit somewhere. Every symbol must be an
/// element's (or D, deuterium), so a thread or a protection class (M8, IP65) is no formula, nor is a half-year before its
/// year (H1 2023, H2 2022). A formula is a name nobody paraphrases: a source that gives the value for it writes it as it
/// is, and H2 is not the H2 of H2O.
/// </summary>
public static partial class ChemicalFormula
{
    private static readonly HashSet<string> Elements =
    [
        "H", "D", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca", "Sc",
        "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr", "Nb", "Mo",
        "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Sm", "Eu",
        "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi",
        "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu",
    ];

    /// <summary>
    /// English names of the elements whose symbols have two letters, by name: a table of gases or an alloy's composition
    /// heads its columns with the symbols (Xe, Cr, Mo) where a question names the element (xenon, chromium). One-letter
    /// symbols (C, S, P) are left out: as words they would match every unit letter and initial; so is lead (lead time).
    /// </summary>
    private static readonly Dictionary<string, string> SymbolByName = new(StringComparer.Ordinal)
    {
        ["helium"] = "He", ["neon"] = "Ne", ["argon"] = "Ar", ["krypton"] = "Kr", ["xenon"] = "Xe", ["radon"] = "Rn",
        ["sodium"] = "Na", ["magnesium"] = "Mg", ["aluminium"] = "Al", ["aluminum"] = "Al", ["silicon"] = "Si", ["chlorine"] = "Cl",
        ["calcium"] = "Ca", ["titanium"] = "Ti", ["chromium"] = "Cr", ["manganese"] = "Mn", ["iron"] = "Fe", ["cobalt"] = "Co",
        ["nickel"] = "Ni", ["copper"] = "Cu", ["zinc"] = "Zn", ["molybdenum"] = "Mo", ["niobium"] = "Nb", ["zirconium"] = "Zr",
        ["silver"] = "Ag", ["tin"] = "Sn", ["platinum"] = "Pt", ["gold"] = "Au", ["lithium"] = "Li",
        ["cadmium"] = "Cd", ["mercury"] = "Hg", ["bismuth"] = "Bi", ["antimony"] = "Sb", ["tellurium"] = "Te", ["selenium"] = "Se",
    };

    /// <summary>
    /// Compounds by their English names: a table of fluids heads its columns H2O | D2O, a welding card names its
    /// shielding gas CO2, where a question says heavy water or carbon dioxide. The longer name wins (heavy water is
    /// D2O, not water).
    /// </summary>
    private static readonly Dictionary<string, string> FormulaByName = new(StringComparer.Ordinal)
    {
        ["water"] = "H2O", ["heavy water"] = "D2O", ["carbon dioxide"] = "CO2", ["carbon monoxide"] = "CO", ["nitrogen"] = "N2",
        ["oxygen"] = "O2", ["hydrogen"] = "H2", ["ozone"] = "O3", ["ammonia"] = "NH3", ["methane"] = "CH4",
        ["sulfur hexafluoride"] = "SF6", ["sulphur hexafluoride"] = "SF6", ["hydrogen sulfide"] = "H2S", ["hydrogen sulphide"] = "H2S",
        ["sulfuric acid"] = "H2SO4", ["sulphuric acid"] = "H2SO4", ["hydrochloric acid"] = "HCl", ["nitric acid"] = "HNO3",
        ["phosphoric acid"] = "H3PO4", ["sodium chloride"] = "NaCl", ["sodium hydroxide"] = "NaOH", ["alumina"] = "Al2O3",
    };

    /// <summary>
    /// The two-letter symbols of the elements, and the formulas of the compounds, a folded text names in English
    /// (xenon → "xe", heavy water → "d2o"), folded like the index.
    /// </summary>
    public static IReadOnlyList<string> NamedIn(string folded)
    {
        // Compounds first; a name found is taken out of the text so that a shorter name inside it (water in heavy water,
        // hydrogen in hydrogen sulfide) does not count again.
        var found = CompoundsNamedIn(folded).Select(c => c.Formula).ToList();
        found.AddRange(Word().Matches(CompoundName.Value.Replace(folded, " "))
            .Select(m => SymbolByName.GetValueOrDefault(m.Value)).OfType<string>());
        return found.Select(s => s.ToLowerInvariant()).Distinct().ToList();
    }

    /// <summary>The compounds a folded text names in English, each as written there with its formula (heavy water, D2O).</summary>
    public static IReadOnlyList<(string Name, string Formula)> CompoundsNamedIn(string folded) =>
        CompoundName.Value.Matches(folded).Select(m => (m.Value, FormulaByName[m.Value])).ToList();

    /// <summary>Any compound's name as a whole word, the longest first so that heavy water is read before water.</summary>
    private static readonly Lazy<Regex> CompoundName = new(() => new Regex(
        $@"(?<![a-z])(?:{string.Join("|", FormulaByName.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape))})(?![a-z])",
        RegexOptions.Compiled | RegexOptions.CultureInvariant));

    [GeneratedRegex(@"[a-z]+")]
    private static partial Regex Word();

    /// <summary>The formulas of <paramref name="text"/> as written, each once.</summary>
    public static IReadOnlyList<string> In(string text) =>
        Candidate().Matches(text).Select(m => m.Value).Where(IsFormula).Distinct().ToList();

    private static bool IsFormula(string token)
    {
        if (!token.Any(char.IsAsciiDigit)) return false;
        foreach (Match part in Part().Matches(token))
            if (!Elements.Contains(part.Groups["e"].Value) || part.Value.EndsWith('1')) return false;
        return true;
    }

    /// <summary>A run of element-shaped parts standing alone (not inside a longer code such as JD-2105 or M8×1.25).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}\-/.×])(?:[A-Z][a-z]?\d?)+(?![\p{L}\p{Nd}\-/.×])(?!\s*(?:19|20)\d\d)")]
    private static partial Regex Candidate();

    [GeneratedRegex(@"(?<e>[A-Z][a-z]?)\d?")]
    private static partial Regex Part();
}
