using Microsoft.Playwright;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>
/// Finds text that spills out of its box: for every rendered text node, the boxes around it are walked outwards
/// (inline elements skipped) until one clips its content (overflow not visible: ellipsis cells, scrolling lists,
/// screen-reader-only text); a text line reaching more than a pixel outside any of them is reported with the
/// element holding the text and the box it leaves. A page wider than the window is reported too. Text moved off the
/// page's top or left edge (a skip link until it is focused) is hidden on purpose and not checked.
/// </summary>
public static class TextSpill
{
    private const string Script = """
        () => {
          const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map((c) => '.' + c).join('');
          const path = (el) => {
            const parts = [];
            for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
            return parts.join(' > ') || 'body';
          };
          const clips = (style) => style.overflowX !== 'visible' || style.overflowY !== 'visible';
          const spills = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent.trim();
            const holder = node.parentElement;
            if (!text || holder.closest('select, svg, script, style, template, canvas')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            // Text moved off the page's top or left edge (a skip link until focused) is hidden on purpose.
            const lines = [...range.getClientRects()]
              .filter((r) => r.width > 0 && r.height > 0 && r.right + scrollX > 0 && r.bottom + scrollY > 0);
            if (lines.length === 0) continue;
            for (let box = holder; box && box !== document.documentElement; box = box.parentElement) {
              const style = getComputedStyle(box);
              if (style.display === 'inline' || style.display === 'contents') continue;
              if (clips(style)) break;
              const b = box.getBoundingClientRect();
              const out = Math.max(...lines.map((r) => Math.max(b.left - r.left, r.right - b.right, b.top - r.top, r.bottom - b.bottom)));
              if (out > 1) {
                spills.push(`${path(holder)} "${text.slice(0, 60)}" spills ${Math.round(out)} px out of ${path(box)}`);
                break;
              }
            }
          }
          const wider = document.documentElement.scrollWidth - window.innerWidth;
          if (wider > 0) spills.push(`the page is ${wider} px wider than the ${window.innerWidth} px window`);
          return spills;
        }
        """;

    /// <summary>Each text that leaves its box, as "element "text" spills N px out of box".</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(IPage page) => await page.EvaluateAsync<string[]>(Script);
}
