using System.Globalization;
using System.Text;

namespace ActionPlan.Site.Cli;

/// <summary>Terminal helpers: Japanese characters take two columns.</summary>
public static class Text
{
    public static int Width(string s)
    {
        var w = 0;
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext())
        {
            var c = char.ConvertToUtf32(e.GetTextElement(), 0);
            w += IsWide(c) ? 2 : 1;
        }
        return w;
    }

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD
            or 0x2014 or 0x25B2 or 0x203B;

    public static string PadRight(string s, int width) => s + new string(' ', Math.Max(0, width - Width(s)));
    public static string PadLeft(string s, int width) => new string(' ', Math.Max(0, width - Width(s))) + s;

    public static string Truncate(string s, int width)
    {
        if (Width(s) <= width) return s;
        var sb = new StringBuilder();
        foreach (var ch in s)
        {
            if (Width(sb.ToString() + ch) > width - 1) break;
            sb.Append(ch);
        }
        return sb + "…";
    }
}
