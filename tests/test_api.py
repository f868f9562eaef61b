import json
import re

import pytest
from fastapi.routing import APIRoute

from ghatnakram.readers.jsonl import article_from_record
from ghatnakram.store import open_store
from ghatnakram.watch import ingest_online
from ghatnakram.web import api, create_app, pages

from web_support import (
    BRIDGE_ARTICLES, INQUIRY_ARTICLE, LOK, PRABHAT, AppClient, bridge_event, build_store,
    bridge_comparison,
)

TOKEN = "test-token-3f9a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

THIRD_OUTLET_BRIDGE = {
    "id": "web-bridge-c", "outlet": "जन वाणी (नमूना)", "published": "2026-03-12T23:05:00+05:30",
    "title": "पटना: दीघा घाट पर गंगा नदी पर बन रहे पुल का हिस्सा गिरा, मजदूरों की मौत",
    "text": "पटना के दीघा घाट के पास गंगा नदी पर बन रहे पुल का एक हिस्सा गुरुवार शाम गिर गया। हादसे में मजदूरों की "
            "मौत हो गई और कई लोग घायल हुए।\nज़िलाधिकारी चंद्रशेखर सिंह ने कहा कि घायलों को पटना मेडिकल कॉलेज अस्पताल "
            "में भर्ती कराया गया है।",
}
NEW_STORY = {
    "id": "web-new-rain", "outlet": "जन वाणी (नमूना)", "published": "2026-03-20T09:00:00+05:30",
    "title": "इंदौर में बेमौसम बारिश से गेहूं की फसल को नुकसान",
    "text": "इंदौर और आसपास के ज़िलों में गुरुवार रात हुई बेमौसम बारिश और ओलावृष्टि से गेहूं की खड़ी फसल को भारी नुकसान "
            "हुआ है। किसानों ने सरकार से मुआवज़े की मांग की है।",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("api") / "web.db")


@pytest.fixture
def client(db):
    app = create_app(db)
    yield AppClient(app)
    app.state.access.close()


@pytest.fixture
def fresh_db(tmp_path):
    return build_store(tmp_path / "fresh.db")


def _open(db, **options):
    app = create_app(db, **options)
    return app, AppClient(app)


def _is_error(response, status):
    body = response.json()
    return response.status_code == status and body["ok"] is False and body["status"] == status and body["error"]


# --- reading ------------------------------------------------------------------------------

def test_events_are_listed_newest_first_with_a_total(client):
    listing = client.get("/api/events").json()
    assert listing["total"] == 4 and listing["offset"] == 0
    dates = [e["event_date"] for e in listing["items"]]
    assert dates == sorted(dates, reverse=True)


def test_events_page_through_with_limit_and_offset(client):
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    everything = client.get("/api/events").json()["items"]
    assert [e["id"] for e in first["items"] + second["items"]] == [e["id"] for e in everything]


def test_events_filter_by_outlet_entity_date_range_and_text(client):
    def ids(**params):
        return {frozenset(e["articles"]) for e in client.get("/api/events", params=params).json()["items"]}

    bridge = frozenset(BRIDGE_ARTICLES)
    assert ids(outlet=LOK) == {bridge, frozenset({"web-folk-fair"})}
    assert ids(since="2026-03-12", until="2026-03-12") == {bridge}
    assert bridge in ids(entity="पटना") and frozenset({"web-folk-fair"}) not in ids(entity="पटना")
    assert ids(q="जयपुर") == {frozenset({"web-folk-fair"})}


def test_one_event_comes_with_its_articles_outlet_by_outlet(client):
    event = bridge_event(client.get("/api/events").json()["items"])
    shown = client.get(f"/api/events/{event['id']}").json()
    assert shown["id"] == event["id"] and shown["outlets"] == sorted([PRABHAT, LOK])
    coverage = {column["outlet"]: [a["id"] for a in column["articles"]] for column in shown["coverage"]}
    assert coverage == {PRABHAT: ["web-bridge-a"], LOK: ["web-bridge-b"]}
    assert "तीन मजदूरों की मौत" in shown["coverage"][0]["articles"][0]["text"] + shown["coverage"][1]["articles"][0]["text"]


def test_event_comparison_is_served_as_the_library_gives_it(db):
    app, client = _open(db)
    try:
        event = bridge_event(client.get("/api/events").json()["items"])
        answer = client.get(f"/api/events/{event['id']}/comparison").json()
    finally:
        app.state.access.close()
    assert answer["event"] == event["id"] and answer["comparison"] == bridge_comparison(db)


def test_unknown_ids_answer_404_in_the_one_error_shape(client):
    for path in ("/api/events/ev-000", "/api/storylines/sl-000", "/api/articles/nope", "/api/entities/PER:nobody",
                 "/api/events/ev-000/comparison", "/api/no-such-route"):
        response = client.get(path)
        assert _is_error(response, 404), path
    assert "GET /api/events" in client.get("/api/events/ev-000").json()["error"]


def test_a_bad_query_parameter_answers_422_naming_it(client):
    response = client.get("/api/events", params={"limit": 0})
    assert _is_error(response, 422) and "'limit'" in response.json()["error"]
    response = client.get("/api/events", params={"since": "12 March"})
    assert _is_error(response, 422) and "'since'" in response.json()["error"]


def test_a_wrong_method_answers_405_in_the_error_shape(client):
    assert _is_error(client.request("DELETE", "/api/events"), 405)


def test_storylines_keep_their_events_in_timeline_order(client):
    storylines = client.get("/api/storylines").json()["items"]
    bridge = next(s for s in storylines if len(s["events"]) == 2)
    shown = client.get(f"/api/storylines/{bridge['id']}").json()
    assert [e["event_date"] for e in shown["events"]] == ["2026-03-12", "2026-03-14"]
    assert shown["events"][1]["articles"] == [INQUIRY_ARTICLE]


def test_storylines_filter_by_their_events(client):
    found = client.get("/api/storylines", params={"q": "जांच समिति"}).json()["items"]
    assert len(found) == 1 and INQUIRY_ARTICLE in found[0]["articles"]
    assert client.get("/api/storylines", params={"outlet": "कोई और"}).json()["total"] == 0


def test_articles_filter_by_text_outlet_and_publication_date(client):
    def ids(**params):
        return [a["id"] for a in client.get("/api/articles", params=params).json()["items"]]

    assert set(ids(q="दीघा घाट")) == set(BRIDGE_ARTICLES) | {INQUIRY_ARTICLE}
    assert set(ids(outlet=LOK)) == {"web-bridge-b", "web-folk-fair"}
    assert ids(since="2026-03-14") == [INQUIRY_ARTICLE]


def test_article_listing_knows_its_total_only_when_it_reached_the_end(client):
    assert client.get("/api/articles", params={"limit": 2}).json()["total"] is None
    assert client.get("/api/articles", params={"limit": 50}).json()["total"] == 5


def test_one_article_has_its_text_event_and_storyline(client):
    article = client.get("/api/articles/web-bridge-b").json()
    event = bridge_event(client.get("/api/events").json()["items"])
    assert article["event"] == event["id"] and article["storyline"] == event["storyline"]
    assert article["outlet"] == LOK and "स्लैब" in article["text"]


def test_an_entity_comes_with_its_spellings_and_events(client):
    found = client.get("/api/entities", params={"q": "चंद्रशेखर"}).json()["items"]
    assert found, "the district magistrate should be a known entity"
    entity = client.get(f"/api/entities/{found[0]['id']}").json()
    assert {v["text"] for v in entity["variants"]} >= {"चंद्रशेखर सिंह"}
    assert any(set(BRIDGE_ARTICLES) <= set(e["articles"]) for e in entity["events"])


def test_status_counts_what_the_store_holds(client):
    assert client.get("/api/status").json() == {
        "ok": True, "articles": 5, "events": 4, "storylines": 3,
        "entities": client.get("/api/entities", params={"limit": 500}).json()["total"], "ingest": False,
    }


# --- OpenAPI ------------------------------------------------------------------------------

def test_openapi_schema_lists_every_route(client):
    schema = client.get("/openapi.json").json()
    routes = {(route.path.replace(":path", ""), method.lower())
              for route in api.router.routes + pages.router.routes if isinstance(route, APIRoute)
              for method in route.methods}
    listed = {(path, method) for path, operations in schema["paths"].items() for method in operations}
    assert routes and routes == listed
    assert ("/api/articles", "post") in listed and ("/api/events/{event_id}/comparison", "get") in listed


def test_docs_page_is_served_with_everything_it_needs_from_this_server(client):
    response = client.get("/docs")
    assert response.status_code == 200 and "openapi.json" in response.text
    assets = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert assets and all(url.startswith("/docs-assets/") for url in assets), assets  # no CDN: servers are offline
    for url in assets:
        assert client.get(url).status_code == 200, url


# --- online ingest ------------------------------------------------------------------------

def test_ingest_is_refused_when_the_server_has_no_token(fresh_db):
    app, client = _open(fresh_db)
    try:
        response = client.post("/api/articles", json=NEW_STORY, headers=AUTH)
    finally:
        app.state.access.close()
    assert _is_error(response, 403) and "--api-token" in response.json()["error"]


def test_ingest_without_the_right_token_answers_401(fresh_db):
    app, client = _open(fresh_db, api_token=TOKEN)
    try:
        missing = client.post("/api/articles", json=NEW_STORY)
        wrong = client.post("/api/articles", json=NEW_STORY, headers={"Authorization": "Bearer nope"})
        count = client.get("/api/status").json()["articles"]
    finally:
        app.state.access.close()
    assert _is_error(missing, 401) and "Authorization: Bearer" in missing.json()["error"]
    assert _is_error(wrong, 401) and count == 5


def test_posted_article_joins_its_event_and_storyline_at_once(fresh_db):
    app, client = _open(fresh_db, api_token=TOKEN)
    try:
        before = bridge_event(client.get("/api/events").json()["items"])
        answer = client.post("/api/articles", json=THIRD_OUTLET_BRIDGE, headers=AUTH).json()
        after = client.get(f"/api/events/{before['id']}").json()
    finally:
        app.state.access.close()
    assert answer["stored"] == 1 and answer["failed"] == 0
    assert answer["articles"] == [{"id": "web-bridge-c", "stored_id": "web-bridge-c",
                                   "event": before["id"], "storyline": before["storyline"]}]
    assert "जन वाणी (नमूना)" in after["outlets"] and "web-bridge-c" in after["articles"]


def test_a_batch_is_ingested_and_a_repeat_is_already_stored(fresh_db):
    app, client = _open(fresh_db, api_token=TOKEN)
    try:
        first = client.post("/api/articles", json=[NEW_STORY, THIRD_OUTLET_BRIDGE], headers=AUTH).json()
        again = client.post("/api/articles", json=NEW_STORY, headers=AUTH).json()
        events = client.get("/api/events", params={"q": "इंदौर"}).json()["items"]
    finally:
        app.state.access.close()
    assert (first["read"], first["stored"], again["stored"], again["already_stored"]) == (2, 2, 0, 1)
    assert [e["articles"] for e in events] == [["web-new-rain"]]
    assert again["articles"][0]["event"] == events[0]["id"]


def test_an_invalid_article_is_refused_and_nothing_is_stored(fresh_db):
    app, client = _open(fresh_db, api_token=TOKEN)
    try:
        response = client.post("/api/articles", json=[NEW_STORY, {"id": "x", "outlet": "o"}], headers=AUTH)
        count = client.get("/api/status").json()["articles"]
    finally:
        app.state.access.close()
    assert _is_error(response, 422) and count == 5
    assert "article[1]: missing field(s) text" in response.json()["error"]


def test_an_article_that_is_not_hindi_is_refused_with_the_reason(fresh_db):
    english = {"id": "en", "outlet": "Wire", "text": "The bridge collapsed on Thursday evening in Patna, officials said."}
    app, client = _open(fresh_db, api_token=TOKEN)
    try:
        response = client.post("/api/articles", json=english, headers=AUTH)
    finally:
        app.state.access.close()
    assert _is_error(response, 422) and "not Hindi text" in response.json()["error"]


def test_a_body_that_is_not_json_answers_400(fresh_db):
    app, client = _open(fresh_db, api_token=TOKEN)
    try:
        response = client.post("/api/articles", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"})
    finally:
        app.state.access.close()
    assert _is_error(response, 400) and "not JSON" in response.json()["error"]


def test_a_body_over_the_size_limit_answers_413(fresh_db):
    app, client = _open(fresh_db, api_token=TOKEN, max_body_bytes=2000)
    big = json.dumps({**NEW_STORY, "text": NEW_STORY["text"] * 20}, ensure_ascii=False).encode()

    async def chunks():  # no Content-Length: the limit holds while the body streams in
        for start in range(0, len(big), 500):
            yield big[start:start + 500]

    try:
        declared = client.post("/api/articles", content=big, headers={**AUTH, "Content-Type": "application/json"})
        streamed = client.post("/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
        count = client.get("/api/status").json()["articles"]
    finally:
        app.state.access.close()
    assert _is_error(declared, 413) and _is_error(streamed, 413) and count == 5


def test_a_batch_over_the_article_limit_answers_413(fresh_db):
    app, client = _open(fresh_db, api_token=TOKEN)
    try:
        response = client.post("/api/articles", json=[{**NEW_STORY, "id": f"n{i}"} for i in range(501)], headers=AUTH)
    finally:
        app.state.access.close()
    assert _is_error(response, 413) and "split the batch" in response.json()["error"]


def test_an_article_id_with_slashes_can_be_read_back(fresh_db):
    story = {**NEW_STORY, "id": "https://jan-vani.example/mp/indore-barish"}
    app, client = _open(fresh_db, api_token=TOKEN)
    try:
        client.post("/api/articles", json=story, headers=AUTH)
        shown = client.get("/api/articles/https://jan-vani.example/mp/indore-barish")
    finally:
        app.state.access.close()
    assert shown.status_code == 200 and shown.json()["id"] == story["id"]


def test_a_write_by_another_process_shows_once_the_records_are_rebuilt(fresh_db):
    app, client = _open(fresh_db)
    try:
        assert client.get("/api/status").json()["events"] == 4
        other = open_store(fresh_db)  # as `ghatnakram watch` or `ingest` would, beside the server
        try:
            ingest_online([article_from_record(NEW_STORY, "test")], other)
        finally:
            other.close()
        during = client.get("/api/status").json()  # served from the previous records while they are rebuilt
        app.state.access.refreshing.join()
        after = client.get("/api/status").json()
        found = client.get("/api/events", params={"q": "इंदौर"}).json()["total"]
    finally:
        app.state.access.close()
    assert (during["articles"], during["events"]) == (6, 4)
    assert after["events"] == 5 and found == 1


def test_an_entity_is_found_by_its_name_in_another_latin_spelling(client):
    latin = client.get("/api/entities", params={"q": "चंद्रशेखर"}).json()["items"][0]["latin"]
    assert latin == "Chandrashekhar Singh"
    found = client.get("/api/entities", params={"q": "Chandrasekhar"}).json()["items"]
    assert [e["latin"] for e in found] == ["Chandrashekhar Singh"]


def test_an_entity_is_found_by_an_english_spelling_with_other_vowels_and_words_in_another_order(client):
    found = client.get("/api/entities", params={"q": "Bihar government"}).json()["items"]
    assert [e["latin"] for e in found] == ["Government of Bihar"]
    found = client.get("/api/entities", params={"q": "Chendrashekhar Sing"}).json()["items"]
    assert [e["latin"] for e in found] == ["Chandrashekhar Singh"]
