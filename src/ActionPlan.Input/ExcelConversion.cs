using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionPlan.Input;

/// <summary>
/// What Excel does to codes when it opens and saves a CSV, recognised so the message can say so and give the original
/// back: 「1-1」 becomes the date 「1月1日」 (or 2024/1/1, 1-Jan), 「(1)」 becomes the negative number 「-1」.
/// </summary>
public static partial class ExcelConversion
{
    [GeneratedRegex(@"^(?<m>\d{1,2})月(?<d>\d{1,2})日$")]
    private static partial Regex JapaneseDate();

    [GeneratedRegex(@"^(?:\d{4}[/-])?(?<m>\d{1,2})/(?<d>\d{1,2})$|^\d{4}/(?<m>\d{1,2})/(?<d>\d{1,2})$")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"^(?<d>\d{1,2})-(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishDate();

    /// <summary>The code a date cell most likely was (「1月2日」 → 「1-2」), or null when the cell is not a date.</summary>
    public static string? DateFromCode(string cell)
    {
        var s = ValueNotation.Normalize(cell);
        var m = JapaneseDate().Match(s);
        if (!m.Success) m = SlashDate().Match(s);
        if (m.Success) return $"{int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture)}-{int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture)}";
        var e = EnglishDate().Match(s);
        if (!e.Success) return null;
        var month = DateTime.ParseExact(e.Groups["mon"].Value, "MMM", CultureInfo.InvariantCulture).Month;
        return $"{month}-{int.Parse(e.Groups["d"].Value, CultureInfo.InvariantCulture)}";
    }

    /// <summary>「(1)」 for a cell Excel turned into 「-1」 (any minus sign), else null.</summary>
    public static string? NegativeFromParenthesis(string cell)
    {
        var s = ValueNotation.Normalize(cell);
        return s.Length >= 2 && s[0] == '-' && s[1..].All(char.IsAsciiDigit) ? $"({s[1..]})" : null;
    }
}

/// <summary>
/// A file saved as Shift_JIS loses the characters Shift_JIS lacks: Excel and Notepad write 「?」 in their place. In a
/// Shift_JIS file, an ASCII 「?」 is therefore reported (publishing would show 「?」 where the city wrote something else).
/// </summary>
public static class ShiftJisLoss
{
    public const string Message = "「?」があります。Shift_JISで保存したときに、Shift_JISにない文字（「—」、一部の記号や異体字など）が「?」に置き換わった可能性があります。";
    public const string Hint = "元の文字に直してください。Shift_JISのまま保存するなら、Shift_JISにある書き方にします（「—」なら「-」か「なし」、「～」は全角の「～」）。Excelで「CSV UTF-8（コンマ区切り）」を選んで保存すれば文字は失われません。";

    public static void CheckLines(string text, string file, DiagnosticBag d)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].Contains('?'))
                d.Finding("sjis-question-mark", file, i + 1, null, Message, Hint);
    }
}
