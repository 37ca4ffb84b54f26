"""End to end in a real headless Chromium (Debian's chromium, driven by Playwright) against a live server.

Every test fails on any console error or uncaught page error. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).parent / "artifacts"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(viewport={"width": 1500, "height": 950}, base_url=live_server)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not errors, errors


def node_count(page) -> int:
    return page.locator("svg#map g.node").count()


def wait_for_map(page) -> int:
    page.wait_for_function("document.querySelectorAll('svg#map g.node').length > 0")
    page.wait_for_function("document.getElementById('status').textContent.includes('units')")
    return node_count(page)


def test_map_renders_the_units_of_a_jurisdiction(page):
    page.goto("/")
    count = wait_for_map(page)
    assert count > 10
    assert page.locator("#jurisdiction").input_value()  # a jurisdiction was chosen
    labels = page.locator("svg#map g.node text").evaluate_all("els => els.map(e => e.textContent)")
    assert any("市" in label for label in labels)  # Chinese labels drawn as text


def test_clicking_a_unit_lists_its_tasks_by_role(page):
    page.goto("/")
    wait_for_map(page)
    page.locator("svg#map g.node circle").last.click()
    page.wait_for_selector("#panel section.role li.task")
    assert page.locator("#panel h2").inner_text()
    assert page.locator("#panel section.role h3").count() >= 1
    first_task = page.locator("#panel li.task").first
    assert "line" in first_task.inner_text() and first_task.locator("button.notice-link").count() == 1


def test_a_notice_link_shows_its_citation_chain(page):
    page.goto("/")
    wait_for_map(page)
    page.locator("svg#map g.node circle").last.click()
    page.wait_for_selector("#panel button.notice-link")
    page.locator("#panel button.notice-link").first.click()
    page.wait_for_selector("#panel h3:has-text('Citation chain')")


def test_filters_change_the_node_count(page):
    page.goto("/")
    before = wait_for_map(page)
    status_before = page.locator("#status").inner_text()
    page.locator("input[name=role][value=RESPONSIBLE]").uncheck()
    page.locator("input[name=role][value=IMPLEMENTER]").uncheck()
    page.wait_for_function(f"document.getElementById('status').textContent !== {status_before!r}"
                           " && document.getElementById('status').textContent.includes('units')")
    after = node_count(page)
    assert 0 < after < before
    page.select_option("#notice", index=1)
    page.wait_for_function(f"document.querySelectorAll('svg#map g.node').length !== {after}")
    assert node_count(page) < before


def test_keyboard_search_by_alias(page):
    page.goto("/")
    wait_for_map(page)
    page.focus("#search")
    page.keyboard.type("发改委")
    page.keyboard.press("Enter")
    page.wait_for_selector("#search-results button")
    page.keyboard.press("Tab")  # from the search box to the Search button
    page.keyboard.press("Tab")  # to the first result
    assert page.evaluate("document.activeElement.closest('#search-results') !== null")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#panel h2') && document.querySelector('#panel h2').textContent.includes('发展改革委')")
    assert "发改委" in page.locator("#panel").inner_text()  # the alias is listed


def test_a_set_of_units_can_be_mapped_together(page):
    page.goto("/")
    whole = wait_for_map(page)
    for name in ("市财政局", "市水利局"):
        page.fill("#search", name)
        page.click("#search-button")
        page.wait_for_selector(f"#search-results li:has-text('{name}') button.add")
        page.locator(f"#search-results li:has-text('{name}') button.add").first.click()
    assert page.locator("#chosen li").count() == 2
    page.click("#map-chosen")
    page.wait_for_function(f"document.querySelectorAll('svg#map g.node').length !== {whole}")
    labels = page.locator("svg#map g.node").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert any(label.startswith("市财政局") for label in labels) and len(labels) < whole


def test_keyboard_opens_a_unit_from_the_map(page):
    page.goto("/")
    wait_for_map(page)
    page.locator("svg#map g.node").last.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel section.role")
    assert page.evaluate("document.activeElement.id") == "panel"  # focus moved to the details


def test_every_control_has_a_label(page):
    page.goto("/")
    wait_for_map(page)
    unlabelled = page.evaluate("""[...document.querySelectorAll('input, select, textarea')]
        .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.outerHTML)""")
    assert unlabelled == []


def test_show_query_reveals_the_graphql(page):
    page.goto("/")
    wait_for_map(page)
    page.locator("#queries summary").click()
    log = page.locator("#query-log").inner_text()
    assert "orgMap(" in log and "jurisdictions" in log and "variables:" in log


def test_sparql_page_runs_a_query_and_shows_rows(page):
    page.goto("/sparql")
    page.wait_for_selector("#examples button")
    page.locator("#run").click()
    page.wait_for_selector("#results table tbody tr")
    assert page.locator("#results table tbody tr").count() > 3
    assert "rows" in page.locator("#status").inner_text()
    page.locator("#examples button[data-name='notices-by-genre']").click()
    page.wait_for_function("document.getElementById('query').value.includes('?genre')")
    page.locator("#run").click()
    page.wait_for_function("document.querySelector('#results th') && document.querySelector('#results th').textContent === 'genre'")
    assert "format=csv" in page.locator("#download").get_attribute("href")
