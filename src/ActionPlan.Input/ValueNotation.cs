using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ActionPlan.Domain;

namespace ActionPlan.Input;

/// <summary>
/// Reads figures the way staff type them (DOMAIN.md, 「How values are written」): 15億円, 約9億円, 1,700万円,
/// 8,685,800円, 5.59億円, 67.27%, ▲600時間, +5,100時間, 10.93日, 8,104, full-width digits (１００％).
/// ▲ and △ mean minus; 約 means approximately; 億 = 10^8, 万 = 10^4. Anything ambiguous is refused with a
/// Japanese reason: 「±5,100時間」 (plus or minus?) and 「10,93日」 (a comma where a decimal point was meant?).
/// </summary>
public static partial class ValueNotation
{
    public sealed record Result(Quantity? Value, string? Error, string? Hint)
    {
        public bool Ok => Value is not null;
    }

    [GeneratedRegex(@"^(?<approx>約)?(?<sign>[+\-▲△])?(?<num>[0-9][0-9,]*(?:\.[0-9]+)?)(?<mag>億|万)?(?<unit>\D*)$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^[0-9]{1,3}(,[0-9]{3})*$|^[0-9]+$")]
    private static partial Regex Grouping();

    public static Result Parse(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
            return Fail("値が空です。", "数値を入力してください（例: 15億円、67.27%）。");
        var text = Normalize(written);
        if (text.Contains('±'))
            return Fail($"「{written.Trim()}」の「±」は増減どちらか判断できません。", "増加なら「+」、減少なら「▲」を使ってください（例: +5,100時間）。");
        var m = Shape().Match(text);
        if (!m.Success)
            return Fail($"「{written.Trim()}」を数値として読めません。", "数字・単位の順で書いてください（例: 約9億円、▲600時間、10.93日）。");
        var num = m.Groups["num"].Value;
        var intPart = num.Split('.')[0];
        if (!Grouping().IsMatch(intPart))
            return Fail($"「{written.Trim()}」の桁区切り「,」の位置が正しくありません。", "小数点なら「.」を使ってください（例: 10.93日）。桁区切りは3桁ごとです（例: 8,685,800円）。");
        var unit = m.Groups["unit"].Value.Trim();
        if (unit.Length > 0 && (unit.Any(char.IsDigit) || unit.Any(c => "+-▲△約,.".Contains(c))))
            return Fail($"「{written.Trim()}」の単位「{unit}」が読めません。", "一つの欄には一つの値だけを書いてください。");
        var value = decimal.Parse(num.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var magnitude = m.Groups["mag"].Value switch { "億" => Magnitude.Oku, "万" => Magnitude.Man, _ => Magnitude.One };
        value *= magnitude switch { Magnitude.Oku => 100_000_000m, Magnitude.Man => 10_000m, _ => 1m };
        var sign = m.Groups["sign"].Value;
        var negative = sign is "-" or "▲" or "△";
        if (negative) value = -value;
        var decimals = num.Contains('.') ? num.Length - num.IndexOf('.') - 1 : 0;
        return new Result(new Quantity(value, unit, m.Groups["approx"].Success, magnitude, decimals, sign == "+"), null, null);
    }

    /// <summary>Full-width digits and signs to ASCII (NFKC), minus signs unified, spaces removed.</summary>
    public static string Normalize(string written)
    {
        var s = NfkcStable(written) ? written : written.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\u2212': case '\u2010': case '\u2011': case '\u2013': case '\u2014': case '\uFF0D': sb.Append('-'); break;
                case ' ': case '\t': case '\u3000': break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Characters NFKC leaves as they are — printable ASCII, Japanese punctuation (、。々 and the brackets
    /// 〈〉《》「」『』【】), hiragana and katakana letters (with ・ and ー), CJK unified ideographs: none has a
    /// compatibility mapping or combines. Text made only of them — most values staff write (「8,104件」「70%」) — skips
    /// the ICU call a large plan would otherwise make tens of thousands of times. (A test checks every one of them.)
    /// </summary>
    public static readonly IReadOnlyList<(char From, char To)> NfkcStableRanges =
        [(' ', '~'), ('、', '。'), ('々', '々'), ('\u3008', '\u3011'), ('\u3041', '\u3096'), ('\u30A1', '\u30FC'), ('\u4E00', '\u9FFF')];

    private static bool NfkcStable(string text)
    {
        foreach (var c in text)
        {
            var stable = false;
            foreach (var (from, to) in NfkcStableRanges)
                if (c >= from && c <= to) { stable = true; break; }
            if (!stable) return false;
        }
        return true;
    }

    [GeneratedRegex(@"(?<![0-9.,])(?:約)?[+\-▲△]?[0-9][0-9,]*(?:\.[0-9]+)?(?:億|万)?")]
    private static partial Regex Figure();

    /// <summary>
    /// The figures a sentence states in <paramref name="unit"/>: 「寄附金額8億円との計画に対し、実績は5.59億円。」 with 円 gives
    /// 8億円 and 5.59億円 (values only; unreadable ones are skipped).
    /// </summary>
    public static IReadOnlyList<Quantity> FiguresIn(string sentence, string unit)
    {
        if (unit.Length == 0) return [];
        var text = Normalize(sentence);
        var u = Normalize(unit);
        var found = new List<Quantity>();
        foreach (Match m in Figure().Matches(text))
        {
            var end = m.Index + m.Length;
            if (!text.AsSpan(end).StartsWith(u, StringComparison.Ordinal)) continue;
            var parsed = Parse(m.Value + u);
            if (parsed.Ok) found.Add(parsed.Value!);
        }
        return found;
    }

    /// <summary>The published achievement: 「70%」「７０％」, or 「—」 (none). Null when the cell is empty.</summary>
    public static (PublishedAchievement? Value, string? Error) ParsePublished(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return (null, null);
        var s = Normalize(cell);
        if (s is "—" or "-" or "―" or "ー" or "なし") return (new PublishedAchievement(null), null);
        if (s.EndsWith('%') && int.TryParse(s[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100)
            return (new PublishedAchievement(p), null);
        if (s.Contains('?'))
            return (null, $"公表達成度「{cell.Trim()}」が読めません。「—」がShift_JISでの保存で「?」に変わったようです。達成度がないときは「-」か「なし」と書いてください（Shift_JISでも残ります）。");
        return (null, $"公表達成度「{cell.Trim()}」が読めません。0%～100%の整数か、達成度がないときは「-」か「なし」を書いてください。");
    }

    private static Result Fail(string error, string hint) => new(null, error, hint);
}
