using System.Text;

namespace ActionPlan.Rendering.Theme;

/// <summary>
/// The words citizens read that are not in a template — headings, leads, navigation and breadcrumb labels the site
/// model composes — kept in the theme (<c>words/ja.txt</c>), so a city can change them and a later language or
/// やさしい日本語 version is a second file. One entry a line: <c>key = text</c>; <c>{name}</c> in the text is filled in by
/// the site model; blank lines and lines starting with <c>#</c> are ignored. A key the model asks for and the file lacks
/// is a <see cref="ThemeException"/> naming the key and the file.
/// </summary>
public sealed class Words
{
    public const string DefaultFile = "words/ja.txt";

    private readonly IReadOnlyDictionary<string, string> _entries;

    public string File { get; }

    private Words(string file, IReadOnlyDictionary<string, string> entries)
    {
        File = file;
        _entries = entries;
    }

    public static Words Parse(string text, string file)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var eq = line.IndexOf('=');
            if (eq <= 0)
                throw new ThemeException($"「{file}」の{lineNumber}行目を読めません（「キー = 文言」の形で書きます）: {line}");
            var key = line[..eq].Trim();
            if (!entries.TryAdd(key, line[(eq + 1)..].Trim()))
                throw new ThemeException($"「{file}」の{lineNumber}行目: キー「{key}」が2回あります。どちらかを消してください。");
        }
        return new Words(file, entries);
    }

    /// <summary>The text for <paramref name="key"/>.</summary>
    public string this[string key] => _entries.TryGetValue(key, out var text) ? text
        : throw new ThemeException($"テーマの「{File}」に「{key}」の文言がありません。標準のテーマの {DefaultFile} から、その行を写してください。");

    /// <summary>The text for <paramref name="key"/> with each {name} replaced (numbers written with the invariant culture).</summary>
    public string Format(string key, params (string Name, object Value)[] values)
    {
        var sb = new StringBuilder(this[key]);
        foreach (var (name, value) in values)
            sb.Replace("{" + name + "}", value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value.ToString());
        return sb.ToString();
    }

    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>
    /// These words with the plan's terms put in: every <c>{item-level}</c> and <c>{policy-level}</c> becomes the plan's
    /// name for its items and for the top of its policy tree (plan.md 階層), or the theme's own <c>level.item</c> /
    /// <c>level.policy</c> when the plan names none. Done once per build, so a lookup stays one dictionary read.
    /// </summary>
    public Words WithLevels(string? itemLevel, string? policyLevel)
    {
        var item = itemLevel ?? this["level.item"];
        var policy = policyLevel ?? this["level.policy"];
        return new Words(File, _entries.ToDictionary(e => e.Key,
            e => e.Value.Replace("{item-level}", item, StringComparison.Ordinal).Replace("{policy-level}", policy, StringComparison.Ordinal), StringComparer.Ordinal));
    }
}
