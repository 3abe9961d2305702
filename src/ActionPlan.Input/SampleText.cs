namespace ActionPlan.Input;

/// <summary>
/// The example text `init --empty` writes (「〇〇市」, 「…を箇条書きで書きます。」): a plan folder still holding any of it
/// is not the city's plan yet. The loader locates it as a finding (sample-left); the publish gate makes it 公開不可, so
/// the sample is previewed as a draft but never published. The sentences are exactly those of the empty plan
/// (a test keeps the two in step).
/// </summary>
public static class SampleText
{
    /// <summary>The mark in a name the city replaces (「〇〇市」).</summary>
    public const string Mark = "〇〇";

    public static IReadOnlyList<string> Sentences { get; } =
    [
        "現状と課題を箇条書きで書きます。",
        "目標を箇条書きで書きます。",
        "最初の年度の計画を書きます",
        "その年度の実績を書きます",
        "次の年度の計画を書きます",
        "その次の年度の計画を書きます",
        "取組の方針を書きます。",
    ];

    public static bool Is(string text) => text.Contains(Mark, StringComparison.Ordinal) || Sentences.Contains(text.Trim(), StringComparer.Ordinal);

    /// <summary>Reports <paramref name="text"/> when it is the empty plan's example.</summary>
    public static void Check(string text, string file, int? line, string field, DiagnosticBag d)
    {
        if (!Is(text)) return;
        d.Finding("sample-left", file, line, field, $"見本の文「{CsvTable.Shorten(text.Trim())}」が残っています。",
            "市の計画の内容に書き換えてください（init --empty で作った見本です）。書き換えるまでは build --draft の下書きでだけ確かめられます。");
    }
}
