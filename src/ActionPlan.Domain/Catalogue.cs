namespace ActionPlan.Domain;

/// <summary>
/// 全国地方公共団体コード (総務省): five digits and a check digit. The check digit is (11 − (6a + 5b + 4c + 3d + 2e) mod 11)
/// mod 10 over the five digits a–e: 小郡市 40216 → 47 mod 11 = 3 → 8, so 402168.
/// </summary>
public static class MunicipalityCode
{
    /// <summary>The check digit for five digits, or null when they are not five ASCII digits.</summary>
    public static int? CheckDigit(string five)
    {
        if (five.Length != 5 || !five.All(char.IsAsciiDigit)) return null;
        var sum = 0;
        for (var i = 0; i < 5; i++) sum += (five[i] - '0') * (6 - i);
        return (11 - sum % 11) % 10;
    }

    /// <summary>Whether six digits are a code with a right check digit.</summary>
    public static bool IsValid(string six) => six.Length == 6 && CheckDigit(six[..5]) == six[5] - '0';
}

/// <summary>The licences the open data may be published under: their id in plan.md and in the theme's words.</summary>
public static class Licences
{
    /// <summary>公共データ利用規約（第1.0版）, the government's standard terms (compatible with CC BY 4.0): the default.</summary>
    public const string Pdl = "pdl-1.0";
    public const string CcBy = "cc-by-4.0";

    /// <summary>The licence id for how staff write it in plan.md (「PDL1.0」「公共データ利用規約」「CC BY 4.0」…), or null.</summary>
    public static string? Read(string written)
    {
        var folded = new string(written.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_').ToArray()).ToUpperInvariant();
        return folded switch
        {
            "PDL1.0" or "PDL" or "公共データ利用規約" or "公共データ利用規約(第1.0版)" or "公共データ利用規約第1.0版" => Pdl,
            "CCBY4.0" or "CCBY" or "CCBY4.0国際" => CcBy,
            _ => null,
        };
    }
}
