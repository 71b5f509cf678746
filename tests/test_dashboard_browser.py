"""The dashboard in a real browser: Debian's headless Chromium, driven by Selenium through the
chromedriver that ships with it (same version, nothing downloaded). Selenium: the W3C WebDriver
project's own Python client, pure Python, and it drives the system's browser as it is (Playwright
would want browser builds of its own, which cannot be fetched here). Pages are opened from disk
(file://) with no network; no console errors; sorting and filtering work; the figures the browser
shows equal the database's.

Without chromium and chromedriver this file is skipped (it fails under CI, where .ci/run installs
them). `PAXMINER_GALLERY=docs/gallery pytest tests/test_dashboard_browser.py -k sqlite` also saves
the README's screenshots.
"""

from __future__ import annotations

import base64
import os
import shutil
from pathlib import Path

import pytest

from dashboard.site import build_site
from tests.dashboard_region import TODAY, make_region
from tests.helpers import rows

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and DRIVER):
        msg = "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--proxy-server=127.0.0.1:9",  # no network
                "--proxy-bypass-list=<-loopback>"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def site(app, tmp_path):
    region = make_region(app)
    out = tmp_path / "site"
    build_site(app, out, today=TODAY)
    return region, out


def open_page(driver, path: Path) -> list[dict]:
    """Load a page from disk; returns what it logged to the console."""
    driver.get_log("browser")  # drop what earlier pages said
    driver.get(path.resolve().as_uri())
    assert driver.execute_script("return document.readyState") == "complete"
    return driver.get_log("browser")


def problems(log: list[dict]) -> list[dict]:
    return [e for e in log if e.get("level") in ("SEVERE", "WARNING")]


def column(driver, table: str, col: str) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#' + arguments[0] + ' tbody tr'))"
        ".filter(r => !r.hidden).map(r => r.querySelector('[data-col=\"' + arguments[1] + '\"]').textContent.trim())",
        table, col)


def shot(driver, name: str, element=None) -> None:
    folder = os.environ.get("PAXMINER_GALLERY")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    target = Path(folder) / f"dashboard-{name}.png"
    if element is not None:
        element.screenshot(str(target))
        return
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 2600)")
    shot_ = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": {
        "x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}})
    target.write_bytes(base64.b64decode(shot_["data"]))


def test_pages_render_without_console_errors_and_show_the_databases_figures(app, browser, site):
    from selenium.webdriver.common.by import By

    region, out = site
    log = open_page(browser, out / "index.html")
    assert problems(log) == []
    assert browser.title == "PAXminer: every region"
    shot(browser, "nation")
    posts, pax = rows(app, region.schema_name,
                      "SELECT COUNT(*), COUNT(DISTINCT a.user_id) FROM bd_attendance a JOIN users u ON u.user_id = a.user_id "
                      "WHERE u.app = 0 AND a.date >= '2024-03-01' AND a.date <= :d", d=TODAY.isoformat())[0]
    assert column(browser, "regions", "posts") == [posts] and column(browser, "regions", "pax") == [pax]
    browser.find_element(By.LINK_TEXT, "Test Region").click()
    assert problems(browser.get_log("browser")) == []
    assert browser.find_element(By.CSS_SELECTOR, "[data-figure=posts]").text == posts
    stored = dict(rows(app, region.schema_name, "SELECT user_id, score FROM scores WHERE period = 'ytd' AND scope = ''"))
    shown = browser.execute_script(
        "return Array.from(document.querySelectorAll('#pax-table tbody tr')).map(r => [r.dataset.user, "
        "r.querySelector('[data-col=score]').textContent.trim()])")
    assert dict(shown) == stored
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.chart")) == 2  # the charts are inline SVG, drawn
    assert browser.execute_script("return document.querySelector('svg.chart').getBBox().width") > 100
    shot(browser, "region")
    shot(browser, "tickets", browser.find_element(By.ID, "tickets"))
    # a PAX's page, from the table
    browser.find_element(By.CSS_SELECTOR, "#pax-table tr[data-user=U1] a").click()
    assert problems(browser.get_log("browser")) == []
    n = rows(app, region.schema_name, "SELECT COUNT(*) FROM bd_attendance WHERE user_id = 'U1'")[0][0]
    assert browser.find_element(By.CSS_SELECTOR, "[data-figure=posts_all_time]").text == n
    assert browser.find_element(By.TAG_NAME, "h1").text == "Alpha"
    shot(browser, "pax")
    # the escaped name shows as text, and no script of a member's ran
    log = open_page(browser, out / "regions" / "test-region" / "pax" / "U2.html")
    assert problems(log) == [] and browser.find_element(By.TAG_NAME, "h1").text == "Bravo <script>alert('x')</script>"


def test_tables_sort_and_filter(browser, site):
    from selenium.webdriver.common.by import By

    _, out = site
    assert problems(open_page(browser, out / "regions" / "test-region" / "index.html")) == []
    table = browser.find_element(By.ID, "pax-table")
    heading = table.find_element(By.XPATH, ".//th[text()='Score']")
    heading.click()
    scores = [int(s) for s in column(browser, "pax-table", "score")]
    assert scores == sorted(scores) and heading.get_attribute("aria-sort") == "ascending"
    heading.click()
    assert [int(s) for s in column(browser, "pax-table", "score")] == sorted(scores, reverse=True)
    assert heading.get_attribute("aria-sort") == "descending"
    table.find_element(By.XPATH, ".//th[text()='PAX']").click()
    names = column(browser, "pax-table", "name")
    assert names == sorted(names, key=str.lower) and len(names) == 5
    table.find_element(By.XPATH, ".//th[text()='Last post']").click()
    last = column(browser, "pax-table", "last_post")
    assert last == sorted(last) and last[0] < last[-1]  # Delta stopped in February
    # filtering: rows without the words hide; the count says so; clearing brings them back
    box = browser.find_element(By.CSS_SELECTOR, "input[data-filter=pax-table]")
    box.send_keys("alp")
    assert column(browser, "pax-table", "name") == ["Alpha"]
    assert browser.find_element(By.CSS_SELECTOR, "[data-count-for=pax-table]").text == "1 of 5 shown"
    box.clear()
    box.send_keys("d")  # Delta, Bravo (alert('x')) ... every name with a d
    shown = column(browser, "pax-table", "name")
    assert shown and all("d" in n.lower() for n in shown) and len(shown) < 5
    browser.execute_script("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'))", box)
    assert len(column(browser, "pax-table", "name")) == 5
    # sorting a filtered table keeps the filter
    box.send_keys("a")
    before = set(column(browser, "pax-table", "name"))
    table.find_element(By.XPATH, ".//th[text()='Posts']").click()
    assert set(column(browser, "pax-table", "name")) == before
    assert problems(browser.get_log("browser")) == []
