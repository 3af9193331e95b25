using System.Text.Json;

namespace RagAssistant.Cli.Bench;

/// <summary>What <c>rag bench load</c> was told; <see cref="UsageProblem"/> and <see cref="Load"/> check it before the server is contacted.</summary>
internal sealed record LoadSettings(string Url, IReadOnlyList<string> KeyOptions, string? KeysFile, int Users, int Duration,
    string QuestionsFile, string? Upload, string Library, int? IdleUsersOption)
{
    /// <summary>Users in the idle phase: all of them when an upload makes the difference, else one.</summary>
    public int IdleUsers => IdleUsersOption ?? (Upload is null ? 1 : Users);

    /// <summary>Bad usage (exit 2): what is wrong, naming the option.</summary>
    public string? UsageProblem()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return $"--url {Url}: not an http:// or https:// address";
        if (KeyOptions.Count == 0 && KeysFile is null) return "give the users' API keys: --api-key KEY (repeat it, one per user) or --api-keys FILE";
        if (Users < 1) return $"--users {Users}: at least 1";
        if (Duration < 1) return $"--duration {Duration}: at least 1 second";
        if (IdleUsersOption is < 1) return $"--idle-users {IdleUsersOption}: at least 1";
        return null;
    }

    /// <summary>The keys and questions; a missing or empty file fails (exit 1) naming the option and the file.</summary>
    public (IReadOnlyList<string> Keys, IReadOnlyList<string> Questions) Load()
    {
        var keys = new List<string>(KeyOptions.Where(k => k.Trim().Length > 0).Select(k => k.Trim()));
        if (KeysFile is not null)
        {
            if (!File.Exists(KeysFile)) throw new CommandException($"--api-keys {KeysFile}: no such file");
            keys.AddRange(File.ReadLines(KeysFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')));
            if (keys.Count == 0) throw new CommandException($"--api-keys {KeysFile}: no key in the file (one per line)");
        }
        if (!File.Exists(QuestionsFile)) throw new CommandException($"--questions {QuestionsFile}: no such file");
        var questions = ReadQuestions(QuestionsFile);
        if (questions.Count == 0) throw new CommandException($"--questions {QuestionsFile}: no question in the file (JSON lines with a \"question\" field)");
        if (Upload is not null && !File.Exists(Upload)) throw new CommandException($"--while-upload {Upload}: no such file");
        return (keys, questions);
    }

    /// <summary>
    /// The <c>question</c> of each line of an eval file (EVAL.md); the other keys (gold, id…) are not needed to ask, so a
    /// file of bare <c>{"question": …}</c> lines serves too. A line that is not such JSON fails with its number.
    /// </summary>
    private static List<string> ReadQuestions(string path)
    {
        var questions = new List<string>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("question", out var question)
                    || question.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(question.GetString()))
                    throw new CommandException($"--questions {path}:{number}: no \"question\" text on this line");
                questions.Add(question.GetString()!);
            }
            catch (JsonException ex)
            {
                throw new CommandException($"--questions {path}:{number}: not a JSON line ({ex.Message})");
            }
        }
        return questions;
    }
}
