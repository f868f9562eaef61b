"""The reader in a real browser: Debian's headless Chromium driven by Playwright (no browser download)."""

import base64
import shutil
import socket
import threading
import time

import pytest
import uvicorn

from ghatnakram.web import create_app

from web_support import LOK, PRABHAT, XSS_ARTICLE, build_store

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed: apt-get install chromium chromium-driver fonts-noto-core (.ci/run does)",
)

# Distinct colours in a sample of the screenshot's pixels, counted by the browser itself.
COUNT_COLOURS = """async (png) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + png;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width; canvas.height = img.height;
  const context = canvas.getContext('2d');
  context.drawImage(img, 0, 0);
  const data = context.getImageData(0, 0, img.width, img.height).data;
  const seen = new Set();
  for (let i = 0; i < data.length; i += 4 * 31) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return seen.size;
}"""


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    """The reader served by uvicorn on a free loopback port, over the web fixture store."""
    db = build_store(tmp_path_factory.mktemp("browser") / "web.db")
    app = create_app(db)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    dialogs = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


def _colours(browser, png: bytes) -> int:
    blank = browser.new_page()
    try:
        return blank.evaluate(COUNT_COLOURS, base64.b64encode(png).decode("ascii"))
    finally:
        blank.close()


def test_a_reader_goes_from_home_to_a_storyline_to_an_event_and_sees_the_conflict(reader, browser, page, tmp_path):
    page.goto(reader + "/")
    page.locator("li.storyline-card h2 a", has_text="पटना में गंगा").click()
    page.wait_for_url("**/storylines/*")
    dots = page.locator("svg.timeline a.event-dot")
    assert dots.count() == 2 and page.locator("svg.timeline").is_visible()
    dots.first.click()
    page.wait_for_url("**/events/*")

    columns = page.locator(".outlet-column h3")
    assert columns.all_inner_texts() == [PRABHAT, LOK] and columns.nth(1).is_visible()
    conflict = page.locator(".conflicts")
    assert conflict.is_visible() and "मौतें" in conflict.inner_text()
    marks = page.locator(".conflicts mark.value")
    assert marks.all_inner_texts()[:2] == ["तीन", "चार"] and marks.first.is_visible()
    highlight = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert highlight not in ("rgba(0, 0, 0, 0)", "transparent", "rgb(255, 255, 255)")
    assert "चार मजदूरों की मौत" in page.locator(".conflicts blockquote").nth(1).inner_text()

    shot = page.screenshot(full_page=True)
    (tmp_path / "event.png").write_bytes(shot)
    assert _colours(browser, shot) > 20, "the screenshot is blank"
    assert page.dialogs == []


def test_an_article_holding_script_and_onerror_runs_nothing(reader, page):
    for path in (f"/articles/{XSS_ARTICLE}", "/search?q=सुरक्षा", "/"):
        page.goto(reader + path)
        assert page.evaluate("document.querySelectorAll('script, [onerror], img').length") == 0, path
    page.goto(reader + f"/articles/{XSS_ARTICLE}")
    text = page.locator(".article-text").inner_text()
    assert "<script>alert('xss')</script>" in text and "<img src=x onerror=alert('img')>" in text
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    page.locator(".kicker a").click()  # on to its event page
    page.wait_for_url("**/events/*")
    assert page.evaluate("document.querySelectorAll('script, [onerror], img').length") == 0
    assert "alert('img')" in page.locator(".outlet-column").inner_text()
    assert page.dialogs == []


def test_devanagari_is_drawn_with_a_devanagari_font(reader, page):
    page.goto(reader + "/")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    heading = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": heading})["fonts"]
    assert any("Devanagari" in f["familyName"] and f["glyphCount"] > 0 for f in fonts), fonts


def test_pages_fit_a_phone_screen_without_sideways_scrolling(reader, browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    phone = context.new_page()
    try:
        phone.goto(reader + "/")
        phone.locator("li.storyline-card h2 a", has_text="पटना में गंगा").click()
        phone.wait_for_url("**/storylines/*")
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        phone.locator("ol.timeline-list a").first.click()
        phone.wait_for_url("**/events/*")
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        first, second = (phone.locator(".outlet-column").nth(i).bounding_box() for i in (0, 1))
        assert second["y"] >= first["y"] + first["height"]  # the outlets stack on a phone
    finally:
        context.close()
