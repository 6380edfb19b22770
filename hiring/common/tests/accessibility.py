"""Checks a page in the browser as a screen-reader user and a phone user would notice:
axe-core's critical and serious findings, and content wider than the screen."""

from pathlib import Path

from django.conf import settings

# axe-core is a test dependency (package.json): it is never served to users. Evaluating its
# source over the DevTools protocol runs it without loosening the page's CSP.
AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"

RUN_AXE = """async () => {
  // No preload: it would add <style> elements that the page's CSP rightly refuses.
  const result = await axe.run(document, {resultTypes: ["violations"], preload: false});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary),
  }));
}"""

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")].filter(el => {
    const box = el.getBoundingClientRect();
    if (!box.width || getComputedStyle(el).visibility === "hidden") return false;
    if (el.closest(".table-responsive, .visually-hidden, .ts-dropdown")) return false;
    // Parked far off-screen on purpose (screen-reader text, a picker's idle input) is fine.
    return (box.right > width + 1 && box.left < width) || (box.left < -1 && box.right > 0);
  });
  return {page: document.documentElement.scrollWidth - width,
          elements: wide.slice(0, 5).map(el => el.outerHTML.slice(0, 160))};
}"""


def axe_violations(page) -> list[dict]:
    """axe-core's critical and serious violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return [v for v in page.evaluate(RUN_AXE) if v["impact"] in ("critical", "serious")]


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, f"{page.url}: {violations}"


def assert_fits(page):
    """Nothing is wider than the screen: no sideways scrolling, no element sticking out."""
    overflow = page.evaluate(OVERFLOW)
    assert overflow["page"] <= 0 and not overflow["elements"], f"{page.url}: {overflow}"


def assert_accessible_on_every_screen(page, *, widths=(375, 1280), screenshots=None, name=""):
    """The page as it is now, on a phone and on a desktop: no critical or serious axe-core
    finding, nothing wider than the screen. Screenshots go to `screenshots` (a folder) when
    given; the page is left at the last width."""
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)
        assert_fits(page)
        if screenshots:
            page.screenshot(path=Path(screenshots) / f"{name}-{width}.png", full_page=True)
