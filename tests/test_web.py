import re
from urllib.parse import quote

import pytest
from lxml import html as lxml_html

from ghatnakram import pipeline
from ghatnakram.web import create_app
from ghatnakram.web.pages import fact_text, http_url, when
from ghatnakram.web.timeline import hindi_date, ordinal_label, radius, timeline_svg

from web_support import (
    INQUIRY_ARTICLE, LOK, PRABHAT, XSS_ARTICLE, AppClient, bridge_event, build_store,
    bridge_comparison,
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(db):
    app = create_app(db)
    yield AppClient(app)
    app.state.access.close()


@pytest.fixture(scope="module")
def events(client):
    return client.get("/api/events").json()["items"]


def _page(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    return lxml_html.fromstring(response.text)


def _texts(tree, xpath):
    return [" ".join(e.text_content().split()) for e in tree.xpath(xpath)]


# --- pages ---------------------------------------------------------------------------------

def test_home_lists_active_storylines_with_their_latest_events(client, events):
    tree = _page(client, "/")
    headlines = _texts(tree, '//li[@class="storyline-card"]/h2')
    assert len(headlines) == 3
    bridge_card = tree.xpath('//li[@class="storyline-card"][.//a[contains(., "जांच के लिए")]]')[0]
    latest = _texts(bridge_card, './/li[@class="event-line"]/a')
    assert latest[0].startswith("दीघा घाट पुल हादसे की जांच") and len(latest) == 2  # newest first


def test_storyline_page_draws_its_timeline_with_a_link_to_each_event(client, events):
    event = bridge_event(events)
    tree = _page(client, f"/storylines/{event['storyline']}")
    links = tree.xpath("//svg//a/@href")
    inquiry = next(e for e in events if e["articles"] == [INQUIRY_ARTICLE])
    assert links == [f"/events/{event['id']}", f"/events/{inquiry['id']}"]
    assert _texts(tree, '//ol[contains(@class, "timeline-list")]/li/time') == ["12 मार्च 2026", "14 मार्च 2026"]


def test_event_page_shows_the_outlets_side_by_side(client, events):
    tree = _page(client, f"/events/{bridge_event(events)['id']}")
    columns = tree.xpath('//article[@class="outlet-column"]')
    assert [_texts(c, "./h3")[0] for c in columns] == [PRABHAT, LOK]
    assert "तीन मजदूरों की मौत" in columns[0].text_content() and "चार मजदूरों की मौत" in columns[1].text_content()


def test_event_page_highlights_conflicting_claims_with_their_evidence(db, client, events):
    comparison = bridge_comparison(db)
    toll = next(c for c in comparison["conflicts"] if c["kind"] == "number")
    tree = _page(client, f"/events/{bridge_event(events)['id']}")
    shown = next(c for c in tree.xpath('//div[@class="conflict"]') if _texts(c, './/p[@class="about"]') == [toll["about"]])
    assert _texts(shown, ".//mark") == [claim["value"] for claim in toll["claims"]]
    assert _texts(shown, ".//blockquote") == [claim["sentence"] for claim in toll["claims"]]
    assert {claim["outlet"] for claim in toll["claims"]} == {PRABHAT, LOK}
    assert _texts(tree, '//div[@class="shared"]//li') == [fact_text(fact) for fact in comparison["shared"]]
    assert _texts(tree, '//div[@class="unique"]/h4') == list(comparison["unique"])


def test_event_page_without_a_comparison_has_no_comparison_section(client, events):
    inquiry = next(e for e in events if e["articles"] == [INQUIRY_ARTICLE])
    tree = _page(client, f"/events/{inquiry['id']}")
    assert not tree.xpath('//section[@class="comparison"]')
    assert len(tree.xpath('//article[@class="outlet-column"]')) == 1


def test_event_page_shows_the_summary_when_there_is_one(db, events):
    def with_summary(store):
        records = pipeline.event_records(store)
        bridge_event(records)["summary"] = "पटना में निर्माणाधीन पुल गिरा; मृतकों की संख्या पर आउटलेट एकमत नहीं।"
        return records

    app = create_app(db, load_events=with_summary)
    try:
        tree = _page(AppClient(app), f"/events/{bridge_event(events)['id']}")
    finally:
        app.state.access.close()
    assert _texts(tree, '//p[@class="summary"]') == ["पटना में निर्माणाधीन पुल गिरा; मृतकों की संख्या पर आउटलेट एकमत नहीं।"]


def test_entity_page_shows_spellings_and_events(client):
    found = client.get("/api/entities", params={"q": "चंद्रशेखर"}).json()["items"][0]
    tree = _page(client, f"/entities/{quote(found['id'], safe='')}")
    assert "चंद्रशेखर सिंह" in _texts(tree, "//h1")[0]
    assert any("पुल" in line for line in _texts(tree, '//li[@class="event-line"]'))


def test_search_finds_events_and_articles_by_all_words(client):
    tree = _page(client, "/search?q=" + quote("कालबेलिया जयपुर"))
    assert any("जयपुर" in t for t in _texts(tree, '//li[@class="event-line"]/a'))
    assert _texts(tree, '//li[@class="article-line"]/a')[0].startswith("जयपुर में पांच दिवसीय")
    assert "कुछ नहीं मिला" in _page(client, "/search?q=" + quote("अंटार्कटिका")).text_content()


def test_unknown_page_answers_404_as_a_page_with_the_message(client):
    response = client.get("/events/ev-000")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "no event with id &#39;ev-000&#39;" in response.text


def test_pages_forbid_inline_script_and_load_the_stylesheet(client):
    response = client.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "Noto Sans Devanagari" in css.text


# --- escaping ------------------------------------------------------------------------------

def test_article_markup_is_shown_as_text_never_as_markup(client):
    article = client.get(f"/api/articles/{XSS_ARTICLE}").json()
    assert "<script>alert('xss')</script>" in article["text"]  # the stored text really holds markup
    event = next(e for e in client.get("/api/events").json()["items"] if e["articles"] == [XSS_ARTICLE])
    for path in (f"/articles/{XSS_ARTICLE}", f"/events/{event['id']}", f"/storylines/{event['storyline']}",
                 "/search?q=" + quote("सुरक्षा"), "/"):
        page = client.get(path).text
        assert "<script" not in page and "<img" not in page, path
        assert "&lt;script&gt;" in page, path
    tree = _page(client, f"/articles/{XSS_ARTICLE}")
    assert "<img src=x onerror=alert('img')>" in tree.xpath('//div[@class="article-text"]')[0].text_content()


def test_a_javascript_url_is_never_linked(client):
    page = client.get(f"/articles/{XSS_ARTICLE}").text
    assert "javascript:" not in page
    assert http_url("javascript:alert(1)") is None and http_url("https://a.example/x") == "https://a.example/x"


def test_timeline_escapes_headlines_and_ids():
    svg = str(timeline_svg([_event("ev-<x>", "2026-03-01", 1, headline="<script>alert(1)</script>")]))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "/events/ev-%3Cx%3E" in svg


# --- the timeline picture ------------------------------------------------------------------

def _event(event_id, day, outlets, ordinal=None, headline="घटना"):
    return {"id": event_id, "event_date": day, "headline": headline, "ordinal": ordinal,
            "outlets": [f"आउटलेट {i}" for i in range(outlets)]}


def _circles(svg):
    return {m[0]: (float(m[1]), float(m[2]), float(m[3])) for m in re.findall(
        r'data-event="([^"]+)".*?<circle cx="([\d.]+)" cy="([-\d.]+)" r="([\d.]+)"', str(svg))}


def test_timeline_places_events_by_date_and_sizes_them_by_outlets():
    circles = _circles(timeline_svg([_event("a", "2026-03-01", 1), _event("b", "2026-03-11", 4), _event("c", "2026-03-31", 2)]))
    xa, xb, xc = circles["a"][0], circles["b"][0], circles["c"][0]
    assert xa < xb < xc and abs((xb - xa) / (xc - xa) - 1 / 3) < 0.01  # 10 of 30 days
    assert circles["b"][2] > circles["c"][2] > circles["a"][2]
    assert radius(4) > radius(1)


def test_timeline_stacks_events_of_one_day_and_sets_undated_events_apart():
    circles = _circles(timeline_svg([_event("a", "2026-03-01", 1), _event("b", "2026-03-01", 1),
                                     _event("c", "2026-03-20", 1), _event("d", None, 1)]))
    assert circles["a"][0] == circles["b"][0] and circles["a"][1] != circles["b"][1]
    assert circles["d"][0] > circles["c"][0]
    assert "तिथि अज्ञात" in str(timeline_svg([_event("d", None, 1)]))


def test_timeline_marks_first_and_second_occurrences():
    svg = str(timeline_svg([_event("a", "2026-03-01", 1, ordinal=1), _event("b", "2026-04-01", 1, ordinal=2),
                            _event("c", "2026-05-01", 1)]))
    assert 'class="event-dot first"' in svg and 'class="event-dot repeat"' in svg and 'class="event-dot plain"' in svg
    assert ">पहली<" in svg and ">दूसरी<" in svg


@pytest.mark.parametrize("ordinal, label", [(1, "पहली"), (2, "दूसरी"), (3, "तीसरी"), (7, "7वीं"), (None, None)])
def test_ordinal_labels_read_as_hindi(ordinal, label):
    assert ordinal_label(ordinal) == label


@pytest.mark.parametrize("value, shown", [
    ("2026-03-08", "8 मार्च 2026"),
    ("2026-11-22T17:30:00+05:30", "22 नवंबर 2026, 17:30"),
    (None, "तिथि अज्ञात"),
])
def test_dates_are_written_as_a_hindi_reader_writes_them(value, shown):
    assert when(value) == shown
    if value and len(value) == 10:
        assert hindi_date(value) == shown


@pytest.mark.parametrize("fact, text", [
    ("पुल गुरुवार शाम गिरा", "पुल गुरुवार शाम गिरा"),
    ({"text": "सात लोग घायल", "sentence": 2}, "सात लोग घायल"),
    ({"about": "मृतक", "value": "3"}, "about: मृतक · value: 3"),
])
def test_comparison_facts_are_shown_as_text_whatever_their_form(fact, text):
    assert fact_text(fact) == text


def test_demo_ends_by_telling_how_to_open_the_reader(tmp_path):
    from click.testing import CliRunner

    from ghatnakram.cli import main

    db = tmp_path / "demo.db"
    result = CliRunner().invoke(main, ["demo", "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == f"Read it in a browser: ghatnakram serve --db {db}  then open http://127.0.0.1:8000/"
