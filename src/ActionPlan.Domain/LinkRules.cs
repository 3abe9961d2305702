namespace ActionPlan.Domain;

/// <summary>
/// Which link addresses the plan's prose may carry: http(s), mailto and relative addresses. Anything else
/// (javascript:, data:, vbscript:, protocol-relative //host) is refused at load and dropped at render.
/// </summary>
public static class LinkRules
{
    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var u = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = u.IndexOf(':');
        var slash = u.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon)) return !u.StartsWith("//", StringComparison.Ordinal);
        return u[..colon].ToLowerInvariant() is "http" or "https" or "mailto";
    }
}
