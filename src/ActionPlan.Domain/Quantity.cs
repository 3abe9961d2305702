using System.Globalization;
using System.Text;

namespace ActionPlan.Domain;

/// <summary>The power of ten a figure is written in: 億 (10^8), 万 (10^4) or none.</summary>
public enum Magnitude { One = 0, Man = 4, Oku = 8 }

/// <summary>
/// An exact figure with its unit, remembering how staff wrote it so it can be shown the same way:
/// 「約1,700万円」 is Value 17,000,000, Unit 円, Approximate, Magnitude 万, 0 decimals.
/// </summary>
public sealed record Quantity(
    decimal Value,
    string Unit,
    bool Approximate = false,
    Magnitude Magnitude = Magnitude.One,
    int Decimals = 0,
    bool ExplicitPlus = false)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The number in the magnitude it was written in (5.59 for 5.59億).</summary>
    public decimal Scaled => Value / Scale(Magnitude);

    private static decimal Scale(Magnitude m) => m switch { Magnitude.Oku => 100_000_000m, Magnitude.Man => 10_000m, _ => 1m };

    /// <summary>As the document writes it: 約9億円, ▲600時間, +5,100時間, 67.27%.</summary>
    public string Display => Compose(minus: "▲");

    /// <summary>As a screen reader should say it: ▲ becomes マイナス, + becomes プラス.</summary>
    public string Spoken => Compose(minus: SpokenMinus, plus: SpokenPlus);

    /// <summary>How a screen reader should say a sign: the indicator table and running text (Prose) say it the same way.</summary>
    public const string SpokenMinus = "マイナス", SpokenPlus = "プラス";

    /// <summary>The value without trailing decimal zeros (5.59億 is 559000000, not 559000000.00).</summary>
    public decimal Canonical => Value / 1.0000000000000000000000000000m;

    /// <summary>Plain signed number for machines (open data): -600, 5100, 559000000.</summary>
    public string Plain => Canonical.ToString(Invariant);

    private string MagnitudeWord => Magnitude switch { Magnitude.Oku => "億", Magnitude.Man => "万", _ => "" };

    private string Compose(string minus, string plus = "+")
    {
        var sb = new StringBuilder();
        if (Approximate) sb.Append('約');
        if (Value < 0) sb.Append(minus);
        else if (ExplicitPlus) sb.Append(plus);
        var abs = Math.Abs(Scaled);
        sb.Append(abs.ToString("#,0." + new string('0', Decimals), Invariant).TrimEnd('.'));
        sb.Append(MagnitudeWord).Append(Unit);
        return sb.ToString();
    }
}
