using System.Text.Json;
using System.Text.RegularExpressions;
using ActionPlan.Domain;
using PuppeteerSharp;

namespace ActionPlan.Site.Audit;

/// <summary>
/// Opens every page of a built site in a real Chromium-family browser (PuppeteerSharp over the DevTools protocol: pure
/// .NET, nothing downloaded, works offline) and runs: axe-core (Deque's bundled copy) with the WCAG 2.0/2.1/2.2 A and AA
/// tags; reflow at 320 CSS px; contrast under forced colours (Windows high contrast); keyboard reachability with a
/// visible focus; and the skip link. Every failure names the page and the success criterion.
/// </summary>
public sealed partial class SiteAuditor(string browserPath)
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private sealed record AxeRule(string Id, string Help, string[] Tags, string[]? Nodes);
    private sealed record AxeResult(AxeRule[] Violations, AxeRule[] Passes, AxeRule[] Incomplete, AxeRule[] Inapplicable);
    private sealed record KeyboardResult(bool SkipFocusedFirst, bool SkipMovesToMain, int Focusable, string[] Unreached, string[] NoVisibleFocus);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [GeneratedRegex(@"^wcag(\d)(\d)(\d+)$")]
    private static partial Regex CriterionTag();

    public static IReadOnlyList<string> Criteria(IEnumerable<string> tags) =>
        tags.Select(t => CriterionTag().Match(t)).Where(m => m.Success).Select(m => $"{m.Groups[1].Value}.{m.Groups[2].Value}.{m.Groups[3].Value}").Distinct().Order(StringComparer.Ordinal).ToList();

    public async Task<AuditRun> RunAsync(Uri site, IReadOnlyList<string> pages, string date, Action<string>? progress = null)
    {
        var axeScript = new Deque.AxeCore.Commons.BundledAxeScriptProvider().GetScript();
        var args = new List<string> { "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic" };
        if (!OperatingSystem.IsWindows() && Environment.UserName == "root") args.Add("--no-sandbox");
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions { ExecutablePath = browserPath, Headless = true, Args = [.. args] });
        var version = await browser.GetVersionAsync();
        string? axeVersion = null;

        var rules = new Dictionary<string, (string Help, IReadOnlyList<string> Criteria, HashSet<string> Failed, HashSet<string> Passed, HashSet<string> Incomplete)>(StringComparer.Ordinal);
        var failures = new List<AuditFinding>();
        void Rule(string id, string help, IReadOnlyList<string> criteria, string page, string outcome)
        {
            if (!rules.TryGetValue(id, out var r)) rules[id] = r = (help, criteria, new(), new(), new());
            (outcome switch { "failed" => r.Failed, "passed" => r.Passed, "incomplete" => r.Incomplete, _ => null })?.Add(page);
        }

        // One tab goes from page to page: each navigation is a new document (a new tab per page started a renderer each
        // time, most of the audit's time on two cores). The viewport and media features are set for every page below.
        await using var page = await browser.NewPageAsync();
        foreach (var path in pages)
        {
            progress?.Invoke(path);
            var url = new Uri(site, path).ToString();

            // 1. axe at a desktop width.
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
            await page.GoToAsync(url, WaitUntilNavigation.Load);
            await page.EvaluateExpressionAsync(axeScript);
            axeVersion ??= await page.EvaluateExpressionAsync<string>("axe.version");
            var axe = await RunAxeAsync(page, $"{{runOnly:{{type:'tag',values:{JsonSerializer.Serialize(Tags)}}}}}");
            foreach (var v in axe.Violations)
            {
                var criteria = Criteria(v.Tags);
                Rule(v.Id, v.Help, criteria, path, "failed");
                foreach (var c in criteria.DefaultIfEmpty("—"))
                    failures.Add(new AuditFinding(path, c, "axe " + v.Id, $"{v.Help}（{string.Join(" / ", v.Nodes ?? [])}）"));
            }
            foreach (var p in axe.Passes) Rule(p.Id, p.Help, Criteria(p.Tags), path, "passed");
            foreach (var p in axe.Incomplete) Rule(p.Id, p.Help, Criteria(p.Tags), path, "incomplete");
            foreach (var p in axe.Inapplicable) Rule(p.Id, p.Help, Criteria(p.Tags), path, "inapplicable");

            // 2. Keyboard: the skip link is the first stop and moves focus to the main content; every control is reached with a visible focus.
            var keys = await KeyboardAsync(page, url);
            Own("skip-link", "最初のTabでスキップリンクに移り、Enterで本文に移動する", ["2.4.1"], path, keys.SkipFocusedFirst && keys.SkipMovesToMain,
                keys.SkipFocusedFirst ? "スキップリンクで本文に移動できません" : "最初のTabでスキップリンクに移りません");
            Own("keyboard-reachable", "すべてのリンク・操作にTabで到達できる", ["2.1.1"], path, keys.Unreached.Length == 0,
                $"Tabで到達できない要素があります: {string.Join("、", keys.Unreached.Take(5))}");
            Own("focus-visible", "フォーカスが目に見える", ["2.4.7"], path, keys.NoVisibleFocus.Length == 0,
                $"フォーカスが見えない要素があります: {string.Join("、", keys.NoVisibleFocus.Take(5))}");

            // 3. Forced colours (Windows high contrast): text stays legible against what the user's palette paints.
            await page.EmulateMediaFeaturesAsync([
                new MediaFeatureValue { MediaFeature = MediaFeature.ForcedColors, Value = "active" },
                new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = "dark" }]);
            var illegible = await page.EvaluateExpressionAsync<string[]>(ForcedColorsScript);
            Own("forced-colors-contrast", "強制カラー（ハイコントラスト）でも文字が読める", ["1.4.3"], path, illegible.Length == 0,
                "強制カラーで読めない文字があります: " + string.Join("、", illegible.Take(5)));
            await page.EmulateMediaFeaturesAsync([
                new MediaFeatureValue { MediaFeature = MediaFeature.ForcedColors, Value = "none" },
                new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = "light" }]);

            // 4. Reflow: at 320 CSS px nothing makes the page scroll sideways (wide tables scroll in their own region).
            await page.SetViewportAsync(new ViewPortOptions { Width = 320, Height = 640 });
            await page.ReloadAsync();
            var overflow = await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Own("reflow-320", "幅320 CSS pxで横スクロールが起きない", ["1.4.10"], path, overflow <= 0, $"幅320pxでページが{overflow}px横にはみ出します");
        }

        void Own(string id, string help, IReadOnlyList<string> criteria, string page, bool ok, string message)
        {
            Rule(id, help, criteria, page, ok ? "passed" : "failed");
            if (!ok) failures.Add(new AuditFinding(page, criteria[0], id, message));
        }

        var ruleList = rules.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new AuditRule(kv.Key, kv.Value.Help, kv.Value.Criteria,
            kv.Value.Failed.Count > 0 ? "failed" : kv.Value.Incomplete.Count > 0 ? "incomplete" : kv.Value.Passed.Count > 0 ? "passed" : "inapplicable",
            kv.Value.Failed.Count + kv.Value.Passed.Count + kv.Value.Incomplete.Count)).ToList();
        return new AuditRun(date, version, "axe-core " + (axeVersion ?? "?"), pages, ruleList,
            failures.OrderBy(f => f.Page, StringComparer.Ordinal).ThenBy(f => f.Criterion, StringComparer.Ordinal).ThenBy(f => f.Check, StringComparer.Ordinal).ToList());
    }

    private static async Task<AxeResult> RunAxeAsync(IPage page, string options)
    {
        var json = await page.EvaluateFunctionAsync<string>(
            "async (opts) => { const r = await axe.run(document, eval('(' + opts + ')'));" +
            " const rule = (x, nodes) => ({ id: x.id, help: x.help, tags: x.tags, nodes: nodes ? x.nodes.slice(0, 5).map(n => n.target.join(' ')) : null });" +
            " return JSON.stringify({ violations: r.violations.map(x => rule(x, true)), passes: r.passes.map(x => rule(x, false))," +
            " incomplete: r.incomplete.map(x => rule(x, false)), inapplicable: r.inapplicable.map(x => rule(x, false)) }); }", options);
        return JsonSerializer.Deserialize<AxeResult>(json, Web)!;
    }

    private static async Task<KeyboardResult> KeyboardAsync(IPage page, string url)
    {
        await page.EvaluateExpressionAsync("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        var focusable = await page.EvaluateExpressionAsync<int>(FocusableScript + ".length");
        // Each element the Tab key reaches is noted by the page itself as it gains focus (with whether its focus is
        // visible), so the keys are pressed one after another and the notes read once: one round trip per key instead
        // of two (a page with hundreds of links took most of the audit's time).
        await page.EvaluateExpressionAsync(
            "window.__apFocus = []; document.addEventListener('focusin', ev => { const e = ev.target; if (!e || e === document.body) return;" +
            " const s = getComputedStyle(e); const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');" +
            " const id = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('href') ? '[href=\"' + e.getAttribute('href') + '\"]' : '') + ':' + [...document.querySelectorAll('*')].indexOf(e);" +
            " window.__apFocus.push([id, String(visible), e.className || '']); }, true);");
        await page.Keyboard.PressAsync("Tab");
        var skipFirst = await page.EvaluateExpressionAsync<bool>("!!document.activeElement && document.activeElement.classList.contains('ap-skip-link')");
        for (var i = 1; i < focusable + 2; i++) await page.Keyboard.PressAsync("Tab");
        var log = await page.EvaluateExpressionAsync<string[][]>("window.__apFocus");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var noOutline = new List<string>();
        // Each element as it was first reached: past the last element, Tab leaves the page and comes back to the first
        // one from outside, where the browser need not show keyboard focus the same way.
        foreach (var info in log)
            if (seen.Add(info[0]) && info[1] != "true") noOutline.Add(info[0].Split(':')[0]);
        var all = await page.EvaluateExpressionAsync<string[]>(FocusableScript +
            ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('href') ? '[href=\"' + e.getAttribute('href') + '\"]' : '') + ':' + [...document.querySelectorAll('*')].indexOf(e))");
        var unreached = all.Where(a => !seen.Contains(a)).Select(a => a.Split(':')[0]).ToArray();

        // The skip link, activated from the keyboard on a freshly loaded page, moves focus into the main content.
        await page.GoToAsync(url, WaitUntilNavigation.Load);
        await page.Keyboard.PressAsync("Tab");
        var moved = false;
        if (await page.EvaluateExpressionAsync<bool>("!!document.activeElement && document.activeElement.classList.contains('ap-skip-link')"))
        {
            await page.Keyboard.PressAsync("Enter");
            moved = await page.EvaluateExpressionAsync<bool>("(() => { const e = document.activeElement; return !!e && (e.id === 'main' || !!e.closest('#main')); })()");
        }
        await page.GoToAsync(url, WaitUntilNavigation.Load);
        return new KeyboardResult(skipFirst, moved, focusable, unreached, noOutline.Distinct().ToArray());
    }

    /// <summary>
    /// Under forced colours the browser repaints text in the user's palette, except what a stylesheet keeps (SVG fills,
    /// forced-color-adjust: none). Every visible text — HTML text by its colour, SVG text by its fill — must keep 4.5:1
    /// (3:1 when large) against the background it is drawn on (the nearest painted background, else the Canvas colour).
    /// axe's contrast rule is not used here: it does not see the forced palette's canvas.
    /// </summary>
    private const string ForcedColorsScript = """
        (() => {
          const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
          const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
          const painted = c => { const v = rgb(c); return v.length >= 3 && (v.length < 4 || v[3] > 0); };
          const probe = document.createElement('div'); probe.style.backgroundColor = 'Canvas'; document.body.appendChild(probe);
          const canvas = getComputedStyle(probe).backgroundColor; probe.remove();
          const background = e => { for (let n = e; n && n.nodeType === 1; n = n.parentElement) { const b = getComputedStyle(n).backgroundColor; if (painted(b)) return b; } return canvas; };
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/)[0] : (e.className && e.className.baseVal ? '.' + e.className.baseVal.split(/\s+/)[0] : ''));
          const bad = [];
          for (const e of document.querySelectorAll('body *')) {
            if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
            const s = getComputedStyle(e);
            if (s.visibility === 'hidden' || s.display === 'none') continue;
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.right < 0) continue;
            const svg = e instanceof SVGElement;
            const fg = svg ? s.fill : s.color;
            if (!painted(fg)) continue;
            const bg = background(svg ? (e.closest('svg') || e) : e);
            const [a, b] = [lum(fg), lum(bg)];
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            const size = parseFloat(s.fontSize), weight = parseInt(s.fontWeight, 10);
            const large = size >= 24 || (size >= 18.66 && weight >= 700);
            if (ratio < (large ? 3 : 4.5)) bad.push(name(e) + '（' + ratio.toFixed(2) + ':1）');
          }
          return [...new Set(bad)];
        })()
        """;

    /// <summary>The page's keyboard-focusable elements that are rendered (hidden ones are not expected to receive focus).</summary>
    private const string FocusableScript =
        "[...document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex=\"-1\"])')]" +
        ".filter(e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e); return s.visibility !== 'hidden' && s.display !== 'none' && (r.width > 0 || r.height > 0 || e.classList.contains('ap-skip-link')); })";
}
