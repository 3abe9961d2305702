using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using ActionPlan.Rendering.Site;

namespace ActionPlan.Rendering;

/// <summary>
/// Lets a long-lived session (serve) re-render only the pages whose model changed: each page's model is fingerprinted
/// (SHA-256 of its JSON, every property a template can read) and, when the fingerprint and the templates are the same as
/// last time, the previous bytes are reused. Templates are assumed unchanged for the memo's lifetime: drop the memo
/// when the theme changes.
/// </summary>
public sealed class RenderMemo
{
    private static readonly JsonSerializerOptions Options = new() { IncludeFields = true };
    private readonly ConcurrentDictionary<string, (byte[] Fingerprint, byte[] Bytes)> _pages = new(StringComparer.Ordinal);
    private int _rendered, _reused;

    public int Rendered => _rendered;
    public int Reused => _reused;

    public void ResetCounts() { _rendered = 0; _reused = 0; }

    public static byte[] Fingerprint(Page page) => SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(page, page.GetType(), Options));

    public async Task<byte[]> GetOrRenderAsync(Page page, Func<Page, Task<byte[]>> render)
    {
        var fingerprint = Fingerprint(page);
        if (_pages.TryGetValue(page.Path, out var known) && known.Fingerprint.AsSpan().SequenceEqual(fingerprint))
        {
            Interlocked.Increment(ref _reused);
            return known.Bytes;
        }
        var bytes = await render(page).ConfigureAwait(false);
        _pages[page.Path] = (fingerprint, bytes);
        Interlocked.Increment(ref _rendered);
        return bytes;
    }
}
