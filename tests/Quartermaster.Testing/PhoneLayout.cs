namespace Quartermaster.Testing;

/// <summary>Checks of a page laid out on a narrow (phone) screen, shared by the report's and the dashboard's browser tests.</summary>
public static class PhoneLayout
{
    /// <summary>
    /// A script taking a chart's CSS selector and returning the pairs of its visible SVG texts whose boxes overlap (by more
    /// than 1 px across and 30% of the shorter one's height; empty when every label stands clear). A text under a clip path (a scrolling legend's items) counts
    /// only for the part the clip shows.
    /// </summary>
    public const string OverlappingLabels = """
        selector => {
          const visible = t => {
            let r = t.getBoundingClientRect();
            for (let g = t.parentElement; g && g.tagName !== 'svg'; g = g.parentElement) {
              const ref = g.getAttribute('clip-path');
              const shape = ref && document.querySelector(ref.replace(/^url\(["']?|["']?\)$/g, ''))?.firstElementChild;
              if (!shape) continue;
              const box = shape.getBBox(), m = g.getScreenCTM();
              const xs = [box.x, box.x + box.width].map(x => m.a * x + m.e), ys = [box.y, box.y + box.height].map(y => m.d * y + m.f);
              const left = Math.max(r.left, Math.min(...xs)), right = Math.min(r.right, Math.max(...xs));
              const top = Math.max(r.top, Math.min(...ys)), bottom = Math.min(r.bottom, Math.max(...ys));
              r = { left: left, right: right, top: top, bottom: bottom, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
            }
            return r;
          };
          const boxes = Array.from(document.querySelectorAll(selector + ' svg text'))
            .filter(t => t.textContent.trim() !== '' && getComputedStyle(t).visibility !== 'hidden' && t.getAttribute('opacity') !== '0')
            .map(t => ({ text: t.textContent.trim(), r: visible(t) }))
            .filter(b => b.r.width > 0 && b.r.height > 0);
          const clash = [];
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i].r, b = boxes[j].r;
              const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              // Lines of one wrapped label touch by a pixel or two; an overprint covers a good part of the glyphs' height.
              if (w > 1 && h > 0.3 * Math.min(a.height, b.height)) clash.push(boxes[i].text + ' / ' + boxes[j].text);
            }
          return clash;
        }
        """;
}
