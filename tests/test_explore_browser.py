"""The explorer page in a real browser: headless Chromium driven by Playwright.

Uses the system's Chromium (never a downloaded one); skipped where Chromium or Playwright is
missing. Set REPORTLIB_SCREENSHOTS_DIR to keep a PNG of each view.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

import reportlib
from reportlib.explore import write_explorer

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
OPEN_BUDGET_MS = 2000
VIEWS = ("reports", "terms", "search", "stats", "topics")

if CHROMIUM is None:
    pytest.skip("no chromium or chromium-browser on PATH", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


@pytest.fixture(scope="module")
def corpus():
    # A path relative to the working directory, as a user types it: the page shows sources as given.
    return reportlib.load(os.path.relpath(SEEDS))


@pytest.fixture(scope="module")
def session(corpus, tmp_path_factory):
    """One browser page on the seed's explorer, with the console errors and requests it made."""
    path = write_explorer(corpus, tmp_path_factory.mktemp("explore") / "explorer.html", lang="zh")
    record = {"errors": [], "requests": [], "url": path.resolve().as_uri()}
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.on("console", lambda m: record["errors"].append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: record["errors"].append(str(e)))
        page.on("request", lambda r: record["requests"].append(r.url))
        page.goto(record["url"], wait_until="load")
        page.wait_for_function("window.explorerReady !== undefined")
        yield page, record
        browser.close()


def _screenshot(page, view: str) -> None:
    folder = os.environ.get("REPORTLIB_SCREENSHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"explorer_{view}.png"))


def _cells(page, table: str, column: int) -> list[str]:
    return page.eval_on_selector_all(f"#{table} tbody tr", f"rows => rows.map(r => r.cells[{column}].textContent)")


def test_opens_fast(session, capsys):
    page, _ = session
    timing = page.evaluate("""() => { const nav = performance.getEntriesByType('navigation')[0];
        return {firstView: window.explorerReady.firstViewMs, load: nav.loadEventEnd,
                bytes: nav.decodedBodySize}; }""")
    with capsys.disabled():
        print(f"\nexplorer (seed, {timing['bytes']:,} bytes): first view rendered "
              f"{timing['firstView']:.0f} ms after navigation start, load event ended at {timing['load']:.0f} ms")
    assert page.locator("#reports-table tbody tr").count() > 0
    assert timing["firstView"] < OPEN_BUDGET_MS
    _screenshot(page, "reports")


def test_reports_filter_by_sector_and_sort(session, corpus):
    page, _ = session
    page.click("#tab-reports")
    category = corpus.reports["category"].value_counts().index[0]
    page.select_option("#reports-sector", category)
    name = reportlib.figures.glossary.translate(category, "zh")
    sectors = _cells(page, "reports-table", 2)
    assert sectors == [name] * int((corpus.reports["category"] == category).sum())
    page.click("#reports-table th[data-key=n_chars]")
    lengths = [int(v.replace(",", "")) for v in _cells(page, "reports-table", 6)]
    assert lengths == sorted(lengths) and len(lengths) == len(sectors)
    page.select_option("#reports-sector", "")
    assert page.locator("#reports-table tbody tr").count() == len(corpus.reports)


def test_search_finds_kwic_rows_with_file_and_line(session, corpus):
    page, _ = session
    page.click("#tab-search")
    page.fill("#search-input", "三会一课")
    page.click("#search-button")
    page.wait_for_selector("#search-table tbody tr")
    expected = reportlib.compare.kwic(corpus, "三会一课", keep_duplicates=True)
    assert page.inner_text("#search-table-count").endswith(str(len(expected)))
    files, lines = _cells(page, "search-table", 2), _cells(page, "search-table", 3)
    assert set(files) <= set(expected["source"]) and files
    assert [int(v) for v in lines[:5]] == expected["line"].tolist()[:5]
    assert set(_cells(page, "search-table", 5)) == {"三会一课"}
    page.click("#search-table tbody tr >> nth=0")
    assert page.inner_text("#paragraph-panel mark") == "三会一课"
    assert f":{lines[0]}" in page.inner_text("#paragraph-panel .where")
    _screenshot(page, "search")


def test_full_width_query_finds_half_width_text(session):
    page, _ = session
    page.click("#tab-search")
    page.fill("#search-input", "２０")  # full-width digits: the seed writes digits half-width
    page.click("#search-button")
    page.wait_for_selector("#search-table tbody tr")
    assert "20" in _cells(page, "search-table", 5)


def test_clicking_a_term_shows_its_kwic(session):
    page, _ = session
    page.click("#tab-terms")
    term = page.get_attribute("#terms-plot .term >> nth=0", "data-term")
    page.click("#terms-plot .term >> nth=0")
    page.wait_for_selector("#terms-kwic-table tbody tr")
    assert term in page.inner_text("#terms-kwic h3")
    assert set(_cells(page, "terms-kwic-table", 5)) == {term}
    assert all(re.fullmatch(r"\d+", v) for v in _cells(page, "terms-kwic-table", 3))
    _screenshot(page, "terms")
    page.select_option("#terms-mode", "table")
    page.click("#terms-table tbody tr >> nth=1")
    second = _cells(page, "terms-table", 0)[1]
    page.wait_for_function(f"document.querySelector('#terms-kwic h3').textContent.endsWith({second!r})")


def test_statistics_lead_to_their_sentence(session):
    page, _ = session
    page.click("#tab-stats")
    surface = _cells(page, "stats-table", 1)[0]
    page.click("#stats-table tbody tr >> nth=0")
    assert page.inner_text("#paragraph-panel mark") == surface
    _screenshot(page, "stats")


def test_topics_and_language_toggle(session):
    page, _ = session
    page.click("#tab-topics")
    assert page.locator("#view-topics .topic").count() == 6
    _screenshot(page, "topics")
    page.click("#lang-toggle")
    assert page.inner_text("#tab-search") == "Search"
    page.click("#lang-toggle")
    assert page.inner_text("#tab-search") == "全文检索"


def test_no_console_errors_and_no_network(session):
    _, record = session
    assert record["errors"] == []
    allowed = [u for u in record["requests"] if u == record["url"] or u.startswith(("data:", "about:"))]
    assert record["requests"] == allowed and record["url"] in record["requests"]


def test_traditional_query_finds_simplified_text(session):
    pytest.importorskip("reportlib.normalize", reason="reportlib.normalize not available yet")
    page, _ = session
    page.click("#tab-search")
    page.fill("#search-input", "三會一課")
    page.click("#search-button")
    page.wait_for_selector("#search-table tbody tr")
    assert set(_cells(page, "search-table", 5)) == {"三会一课"}
