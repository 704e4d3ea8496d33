"""The HTML report (`export -f html`): its content, and in headless Chromium its rendering,
its accessibility (axe-core, WCAG 2.1 A and AA and best practice) and its text sizes."""

from __future__ import annotations

import html as html_module
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from digituki_cli.export import export
from digituki_cli.export.html import CLASS_COLOURS, map_by_choices, parse_map_by, to_html
from digituki_cli.formats import ExportFormat
from digituki_cli.i18n import label, speaking
from digituki_cli.model import Dataset
from digituki_cli.queries import ATTRIBUTES

from .cdp import Browser, Page, find_chromium
from .conftest import ROOT

Invoke = Callable[..., tuple[int, str]]
SCREENSHOT = ROOT / "docs" / "report.png"
AXE = Path(__file__).parent / "axe" / "axe.min.js"
AXE_VERSION = "4.14.1"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PHONE = (375, 812)
DESKTOP = (1280, 1000)


# --- HTML without a browser ---


def test_html_has_a_tile_and_a_card_per_region_and_no_outside_resources(
    invoke: Invoke, dataset: Dataset
) -> None:
    code, html = invoke("export", "-f", "html")
    assert code == 0
    ids = [r.id for r in dataset.regions]
    assert re.findall(r'<a href="#r-[a-z-]+" id="tile-([a-z-]+)"', html) == ids
    assert sorted(re.findall(r'<article [^>]*id="r-([a-z-]+)"', html)) == sorted(ids)
    assert "<script" not in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert "@import" not in html and "url(http" not in html
    assert "default-src 'none'" in html  # the browser itself refuses anything external


def test_html_tile_colour_and_marker_follow_the_class(dataset: Dataset) -> None:
    html = to_html(dataset, parse_map_by(None))
    tile = re.search(
        r'id="tile-kanta-hame"[^>]*data-class="([a-z-]+)".*?fill="(#[0-9a-f]+)"', html, re.S
    )
    assert tile is not None
    assert tile.groups() == ("unclear", CLASS_COLOURS["unclear"])
    by_email = to_html(dataset, parse_map_by("channel:email"))
    reported = re.findall(
        r'id="tile-([a-z-]+)" class="tile" data-region="[a-z-]+" data-class="yes"', by_email
    )
    assert reported == ["kanta-hame", "lappi", "lansi-uusimaa", "pohjois-karjala", "satakunta"]
    assert '<h2 id="map-heading">Map: channel email</h2>' in by_email
    assert '<h3 id="legend-heading">Legend</h3>' in by_email


def test_html_escapes_the_data(dataset: Dataset) -> None:
    region = dataset.regions[0]
    hostile = replace(region, short_names=replace(region.short_names, en="<b>x</b>&\"'"))
    html = to_html(replace(dataset, regions=(hostile, *dataset.regions[1:])), parse_map_by(None))
    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;&amp;&#34;&#39;" in html


def test_a_region_the_map_does_not_place_still_gets_a_tile(dataset: Dataset) -> None:
    extra = replace(dataset.regions[-1], id="uusi-alue")
    html = to_html(replace(dataset, regions=(*dataset.regions, extra)), parse_map_by(None))
    assert 'id="tile-uusi-alue"' in html and 'id="r-uusi-alue"' in html


def test_every_map_by_choice_renders(dataset: Dataset) -> None:
    for choice in map_by_choices():
        spec = parse_map_by(choice)
        counts = [
            len([r for r in dataset.regions if spec.classify(r) == c.code]) for c in spec.classes
        ]
        assert sum(counts) == len(dataset.regions), choice


def _visible_text(html: str) -> str:
    """What a reader sees: the body's text without tags, styles, notes and quotes."""
    body = html.split("<body>", 1)[1]
    body = re.sub(r'<p class="note">.*?</p>|<blockquote.*?</blockquote>', " ", body, flags=re.S)
    return html_module.unescape(re.sub(r"<[^>]+>", " ", body))


def test_each_quote_is_shown_once_with_the_values_it_supports(dataset: Dataset) -> None:
    html = to_html(dataset, parse_map_by(None))
    card = html.split('id="r-etela-karjala"')[1].split("</article>")[0]
    partners = card.split("<dt>Partners</dt>")[1].split("</dd>")[0]
    quotes = re.findall(r"<blockquote[^>]*>(.*?)</blockquote>", partners)
    assert len(quotes) == len(set(quotes)) == 1  # the same quote backs all five partners
    caption = re.search(r"<figcaption>(.*?)</figcaption>", partners)
    assert caption is not None
    assert caption.group(1) == "p. 5 · ngos, libraries, municipalities, education, parishes"
    for dd in re.findall(r"<dd>(.*?)</dd>", html, re.S):
        shown = re.findall(r"<blockquote[^>]*>(.*?)</blockquote>", dd)
        assert len(shown) == len(set(shown))


def test_the_report_shows_labels_not_codes_and_one_spelling_of_each(dataset: Dataset) -> None:
    with speaking("fi"):
        finnish = _visible_text(to_html(dataset, parse_map_by("channel:chat")))
        labels = {
            member.value: label(member)
            for attribute in ATTRIBUTES
            if attribute.codebook is not None
            for member in attribute.codebook
        }
    codes = [code for code, shown in labels.items() if code != shown and "-" in code]
    assert codes and not [code for code in codes if re.search(rf"\b{code}\b", finnish)]
    assert "ei raportoitu" in finnish
    english = _visible_text(to_html(dataset, parse_map_by(None)))
    assert "not-reported" in english and "not reported" not in english
    assert ": legend" not in english.lower() and "Legend:" not in english


# --- HTML in a real browser ---


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    binary = find_chromium()
    if binary is None:
        pytest.skip(
            "no Chromium to test the HTML report in: install Debian's chromium package "
            "(apt-get install chromium; .ci/run does) or set DIGITUKI_CHROMIUM to a binary"
        )
    chromium = Browser(binary)
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, dataset: Dataset) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    export(dataset, ExportFormat.HTML, str(path))
    return path


def _rgb(colour: str) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def _open(browser: Browser, report: Path, width: int, height: int, mobile: bool = False) -> Page:
    page = browser.page()
    page.viewport(width, height, mobile)
    page.open(report.as_uri())
    return page


def test_html_report_renders_in_chromium(browser: Browser, report: Path, dataset: Dataset) -> None:
    page = _open(browser, report, 1280, 1000)
    ids = sorted(r.id for r in dataset.regions)
    tiles = page.evaluate(
        "[...document.querySelectorAll('svg.map a.tile')].map(a => a.dataset.region)"
    )
    cards = page.evaluate(
        "[...document.querySelectorAll('article.card')].map(a => a.dataset.region)"
    )
    assert sorted(tiles) == ids and sorted(cards) == ids
    # Every tile links to its card, is drawn with a size, and has a text alternative.
    checks = page.evaluate(
        """[...document.querySelectorAll('a.tile')].map(a => {
            const box = a.getBoundingClientRect();
            const card = document.querySelector(a.getAttribute('href'));
            return [a.dataset.region, card && card.dataset.region, box.width > 20 && box.height > 10,
                    a.getAttribute('aria-label'), a.querySelector('title').textContent];
        })"""
    )
    for region_id, card_id, drawn, aria_label, title in checks:
        assert card_id == region_id and drawn, region_id
        assert aria_label == title and aria_label.split(": ")[1], region_id
    fills = page.evaluate(
        """[getComputedStyle(document.querySelector('#tile-kanta-hame .tile-bg')).fill,
            getComputedStyle(document.querySelector('.legend [data-class=unclear] .swatch-bg')).fill,
            document.querySelector('#tile-kanta-hame').dataset.class]"""
    )
    assert fills == [_rgb(CLASS_COLOURS["unclear"]), _rgb(CLASS_COLOURS["unclear"]), "unclear"]
    counts = page.evaluate(
        "[...document.querySelectorAll('.legend li')].map(li => li.querySelector('.legend-label').textContent)"
    )
    assert counts == [
        "regular-budget: 10 regions", "unclear: 5 regions", "not-reported: 3 regions",
        "not interviewed: 6 regions",
    ]  # fmt: skip
    assert page.evaluate("document.querySelectorAll('table.matrix').length") == 3
    assert page.errors() == []
    assert page.requests() == [report.as_uri()]  # nothing from the network, nothing else at all
    _keep_screenshot(page.screenshot(1280, 1000))


def _keep_screenshot(png: bytes) -> None:
    # The README shows it; rewrite only when the picture changed, so a run leaves no diff.
    if not SCREENSHOT.exists() or SCREENSHOT.read_bytes() != png:
        SCREENSHOT.parent.mkdir(exist_ok=True)
        SCREENSHOT.write_bytes(png)


def test_html_report_prints(browser: Browser, report: Path) -> None:
    page = _open(browser, report, 1280, 1000)
    page.send("Emulation.setEmulatedMedia", {"media": "print"})
    shown = page.evaluate(
        """['svg.map', '.legend', 'table.matrix', '#r-kainuu .report-text', 'nav.toc']
             .map(s => getComputedStyle(document.querySelector(s)).display)"""
    )
    assert shown[:4] == ["block", "block", "table", "block"] and shown[4] == "none"
    # On paper every table is whole: no scrolling box, no scroll shadow.
    wrap = "getComputedStyle(document.querySelector('.table-wrap'))"
    assert page.evaluate(f"[{wrap}.overflowX, {wrap}.backgroundImage]") == ["visible", "none"]
    assert page.pdf().startswith(b"%PDF")
    assert page.errors() == []


def test_the_console_error_check_sees_errors(browser: Browser, tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<script>console.error('logged'); throw new Error('thrown')</script>"
        "<img src='missing.png' alt=''>",
        encoding="utf-8",
    )
    page = _open(browser, broken, 800, 600)
    errors = " | ".join(page.errors())
    assert "logged" in errors and "thrown" in errors and "ERR_FILE_NOT_FOUND" in errors


@pytest.fixture(scope="module")
def finnish_report(tmp_path_factory: pytest.TempPathFactory, dataset: Dataset) -> Path:
    path = tmp_path_factory.mktemp("html") / "raportti.html"
    with speaking("fi"):
        export(dataset, ExportFormat.HTML, str(path), map_by="channel:chat")
    return path


def _axe_violations(page: Page) -> list[str]:
    """axe-core's violations on the page, one line each: rule, impact, where."""
    source = AXE.read_text(encoding="utf-8")
    assert f"axe v{AXE_VERSION}" in source[:100]
    page.send("Runtime.evaluate", {"expression": source})
    options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}})
    found = page.evaluate(
        f"axe.run(document, {options}).then(r => r.violations.map(v => "
        "`${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`))"
    )
    assert isinstance(found, list)
    return [str(line) for line in found]


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280px", "375px"])
@pytest.mark.parametrize("which", ["report", "finnish_report"])
def test_no_axe_violations(
    browser: Browser, request: pytest.FixtureRequest, which: str, size: tuple[int, int]
) -> None:
    path = request.getfixturevalue(which)
    page = _open(browser, path, *size, mobile=size == PHONE)
    assert _axe_violations(page) == []


# The smallest text a reader sees: every text node that is drawn (not the screen readers'
# .sr, not the skip link until focused), SVG text by the size it is drawn at.
SMALLEST_TEXT = """(() => {
  let least = [Infinity, ''];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!node.textContent.trim() || element.closest('.sr, .skip, title, desc')) continue;
    if (!element.getClientRects().length) continue;
    let size = parseFloat(getComputedStyle(element).fontSize);
    if (element instanceof SVGElement) size *= element.getScreenCTM().a;
    if (size < least[0]) least = [size, node.textContent.trim().slice(0, 40)];
  }
  return least;
})()"""


@pytest.mark.parametrize("width", [375, 639, 640, 800, 1280])
def test_every_text_is_at_least_11_px_and_phones_get_a_list(
    browser: Browser, report: Path, dataset: Dataset, width: int
) -> None:
    page = _open(browser, report, width, 900, mobile=width < 640)
    size, text = page.evaluate(SMALLEST_TEXT)
    assert size >= 11, f"{text!r} is drawn at {size:.1f} px"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    map_shown = page.evaluate("getComputedStyle(document.querySelector('svg.map')).display")
    listed = page.evaluate(
        "[...document.querySelectorAll('.legend-regions a')].filter(a => a.offsetParent)"
        ".map(a => a.getAttribute('href'))"
    )
    assert (map_shown != "none") == (width >= 640)
    assert sorted(listed) == sorted(f"#r-{r.id}" for r in dataset.regions)  # the list
    assert page.errors() == []


def test_wide_tables_scroll_with_a_cue_and_by_keyboard(browser: Browser, report: Path) -> None:
    page = _open(browser, report, *PHONE, mobile=True)
    wraps = page.evaluate(
        """[...document.querySelectorAll('.table-wrap')].map(w => [
            w.scrollWidth > w.clientWidth, w.getAttribute('role'), w.tabIndex,
            document.getElementById(w.getAttribute('aria-labelledby'))?.tagName,
            getComputedStyle(w).backgroundImage.includes('radial-gradient')])"""
    )
    assert len(wraps) == 5 and all(overflows for overflows, *_ in wraps)  # on a phone
    assert all(rest == ["region", 0, "CAPTION", True] for _, *rest in wraps)
    page.send("Emulation.setFocusEmulationEnabled", {"enabled": True})  # keys reach the page
    for index in range(len(wraps)):
        wrap = f"document.querySelectorAll('.table-wrap')[{index}]"
        assert page.evaluate(f"{wrap}.focus(); document.activeElement === {wrap}")
        for _ in range(20):  # 40 px a press: enough for any of these tables
            for kind in ("rawKeyDown", "keyUp"):
                page.send(
                    "Input.dispatchKeyEvent",
                    {"type": kind, "key": "ArrowRight", "windowsVirtualKeyCode": 39},
                )
        # Scrolling is animated: wait (at most 2 s) until the table has moved to its end.
        at_end = page.evaluate(
            f"""new Promise(done => {{
                const start = Date.now(), wrap = {wrap};
                (function look() {{
                    if (wrap.scrollLeft + wrap.clientWidth >= wrap.scrollWidth - 1) done(true);
                    else if (Date.now() - start > 2000) done(false);
                    else setTimeout(look, 50);
                }})();
            }})"""
        )
        assert at_end, index  # the last column is reached with the keyboard
