import io
import json

import pytest

from ghatnakram.models import Article, Problem
from ghatnakram.readers import read_path, read_stream, split_headline
from ghatnakram.readers.common import BadInput, parse_published
from ghatnakram.readers.feed import html_fragment_text
from ghatnakram.readers.text import looks_like_headline

from conftest import SEED_000, SEED_002


def _only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


# --- JSON Lines ---------------------------------------------------------------

def test_jsonl_lines_become_articles_in_input_contract(fixtures):
    articles = list(read_path(fixtures / "articles.jsonl"))
    assert [a.id for a in articles] == ["fx-001", "fx-002", "fx-003"]
    first = articles[0]
    assert first.outlet == "नमूना समाचार"
    assert first.published == "2026-03-05"
    assert first.url == "https://samachar-sample.example/mp/bhopal-ole"
    assert first.source.endswith("articles.jsonl:1")
    assert articles[1].published == "2026-03-05T08:10:00+05:30"
    assert articles[2].title == ""


def test_malformed_json_line_is_reported_with_file_and_line_and_the_rest_is_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = {"id": "g1", "outlet": "नमूना", "text": "खबर का पाठ।"}
    path.write_text(json.dumps(good, ensure_ascii=False) + '\n{"id": "bad", "text": \n' + json.dumps({**good, "id": "g2"}) + "\n")
    items = list(read_path(path))
    assert [type(i) for i in items] == [Article, Problem, Article]
    assert items[1].where == f"{path}:2"
    assert "malformed JSON" in items[1].message and "fix or remove this line" in items[1].message


@pytest.mark.parametrize(
    "record, message",
    [
        ({"outlet": "o", "text": "पाठ"}, "missing field(s) id"),
        ({"id": "x", "text": "पाठ"}, "missing field(s) outlet"),
        ({"id": "x", "outlet": "o"}, "missing field(s) text"),
        ({"id": "x", "outlet": "o", "text": 5}, "field 'text' must be a string"),
        ({"id": "x", "outlet": "o", "text": "पाठ", "published": "कल"}, "is not a date"),
        ({"id": "x", "outlet": "o", "text": "पाठ", "published": "2026-02-30"}, "is not a date"),
        ({"id": "x", "outlet": "o", "text": "पाठ", "published": "1857-05-10"}, "before 1900"),
        ({"id": "x", "outlet": "o", "text": "पाठ", "published": "2999-01-01"}, "in the future"),
    ],
)
def test_bad_records_name_the_problem(tmp_path, record, message):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    item = _only(read_path(path))
    assert isinstance(item, Problem)
    assert item.where == f"{path}:1"
    assert message in item.message


def test_invalid_utf8_in_one_line_fails_only_that_line(tmp_path):
    path = tmp_path / "enc.jsonl"
    good = json.dumps({"id": "g", "outlet": "o", "text": "खबर।"}, ensure_ascii=False).encode()
    path.write_bytes(good + b"\n" + b'{"id": "b", "outlet": "o", "text": "\xff\xfe"}\n')
    items = list(read_path(path))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], Problem) and "invalid UTF-8" in items[1].message


def test_json_file_with_an_array_of_articles_is_read(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "a", "outlet": "o", "text": "पाठ एक।"}, {"id": "b", "outlet": "o", "text": "पाठ दो।"}], indent=2))
    assert [a.id for a in read_path(path)] == ["a", "b"]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-01-28", "2026-01-28"),
        ("२०२६-०१-२८", "2026-01-28"),
        ("2026-01-28T10:15:00+05:30", "2026-01-28T10:15:00+05:30"),
        ("2026-01-28T04:45:00Z", "2026-01-28T04:45:00+00:00"),
        ("2026-01-28 10:15", "2026-01-28T10:15:00+05:30"),
        ("Wed, 28 Jan 2026 10:15:00 +0530", "2026-01-28T10:15:00+05:30"),
        ("", None),
        (None, None),
    ],
)
def test_publication_dates_keep_their_time_zone(value, expected):
    assert parse_published(value) == expected


def test_non_string_date_is_rejected():
    with pytest.raises(BadInput, match="must be a string"):
        parse_published(20260128)


# --- plain text ---------------------------------------------------------------

def test_text_file_headline_on_the_last_line_is_detected():
    title, body = split_headline(SEED_000.read_text(encoding="utf-8"))
    assert title.startswith("सीरियाई नेता अल-शरा ने रूसी राष्ट्रपति पुतिन से मुलाकात की")
    assert body.startswith("सीरिया के राष्ट्रपति अहमद अल-शरा")


def test_text_file_without_headline_gets_none():
    title, body = split_headline(SEED_002.read_text(encoding="utf-8"))
    assert title == ""
    assert body.startswith("सीरिया के राष्ट्रपति अहमद अल-शारा")


def test_text_file_headline_on_the_first_line_is_detected():
    title, body = split_headline("असम में बाढ़ से 12 की मौत\n\nगुवाहाटी में बाढ़ का पानी घरों में घुस गया। राहत जारी है।")
    assert title == "असम में बाढ़ से 12 की मौत"
    assert body == "गुवाहाटी में बाढ़ का पानी घरों में घुस गया। राहत जारी है।"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("असम में बाढ़ से 12 की मौत", True),
        ("बिहार: गंगा खतरे के निशान से ऊपर, अलर्ट जारी", True),
        ("गुवाहाटी में बाढ़ का पानी घरों में घुस गया।", False),
        ("और पढ़ें: दूसरी खबर", False),
        ("एक", False),
    ],
)
def test_headline_lines_are_short_and_unpunctuated(line, expected):
    assert looks_like_headline(line) is expected


def test_text_file_takes_outlet_from_folder_and_id_from_file_name(tmp_path):
    folder = tmp_path / "दैनिक नमूना"
    folder.mkdir()
    (folder / "story one.txt").write_text("शीर्षक यहां है\nखबर का पहला वाक्य। दूसरा वाक्य।", encoding="utf-8")
    article = _only(read_path(folder / "story one.txt"))
    assert (article.id, article.outlet, article.title) == ("story_one", "दैनिक नमूना", "शीर्षक यहां है")


def test_text_file_outlet_and_date_can_be_given(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("खबर का पाठ। दूसरा वाक्य।", encoding="utf-8")
    article = _only(read_path(path, outlet="नमूना", published="2026-01-29"))
    assert (article.outlet, article.published) == ("नमूना", "2026-01-29")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        ("खबर".encode("utf-16"), "UTF-16 text"),
        ("खबर का पाठ".encode("utf-8")[:-1] + b"\xff more", "invalid UTF-8 at byte"),
    ],
)
def test_unreadable_text_files_are_problems_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    item = _only(read_path(path))
    assert isinstance(item, Problem)
    assert item.where == str(path) and message in item.message


def test_fifty_megabyte_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.seek(50 * 1024 * 1024 - 1)
        out.write(b"\n")
    item = _only(read_path(path))
    assert isinstance(item, Problem) and "too large (52.4 MB" in item.message


# --- HTML ---------------------------------------------------------------------

def test_html_page_gives_text_full_datetime_and_json_ld_author(fixtures):
    article = _only(read_path(fixtures / "article_page.html"))
    assert article.title == "पटना में गंगा खतरे के निशान से ऊपर, निचले इलाकों में अलर्ट"
    assert article.published == "2026-07-08T09:15:00+05:30"
    assert article.author == "अनीता कुमारी"  # trafilatura alone gives "अनीता कुमार"
    assert article.outlet == "नमूना समाचार"
    assert article.url == "https://samachar-sample.example/bihar/patna-ganga-alert"
    assert "42 सेंटीमीटर" in article.text
    assert "लोकप्रिय खबरें" not in article.text and "सर्वाधिकार" not in article.text


def test_html_page_without_article_text_is_a_problem(tmp_path):
    path = tmp_path / "index.html"
    path.write_text("<html><body><nav><a href='/'>होम</a></nav></body></html>", encoding="utf-8")
    item = _only(read_path(path))
    assert isinstance(item, Problem) and "no article text" in item.message


# --- feeds --------------------------------------------------------------------

def test_rss_items_become_articles_and_a_broken_item_a_problem(fixtures):
    items = list(read_path(fixtures / "feed.rss"))
    first, second, broken = items
    assert first.id == "disha-2026-0412-01"
    assert first.outlet == "दिशा न्यूज़ (नमूना)"
    assert first.published == "2026-04-12T10:30:00+05:30"
    assert first.url == "https://disha-sample.example/rajasthan/jaipur-metro-trial"
    assert "11 किलोमीटर" in first.text and "<p>" not in first.text
    assert second.title == "उदयपुर में झील महोत्सव तीन दिन बाद संपन्न"
    assert isinstance(broken, Problem) and broken.where.endswith("feed.rss#3")


def test_atom_entry_keeps_content_author_and_offset(fixtures):
    entry = _only(read_path(fixtures / "feed.atom"))
    assert entry.published == "2026-05-03T07:45:00+05:30"
    assert entry.author == "सुमन यादव"
    assert "“इन बसों से प्रदूषण घटेगा" in entry.text


def test_html_fragment_paragraphs_become_lines():
    assert html_fragment_text("<p>पहला।</p><p>दूसरा।</p>").split() == ["पहला।", "दूसरा।"]


# --- folders and streams ------------------------------------------------------

def test_folders_are_read_recursively_skipping_hidden_and_unknown_files(tmp_path, fixtures):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "feed.rss").write_bytes((fixtures / "feed.rss").read_bytes())
    (tmp_path / "a" / "x.jsonl").write_bytes((fixtures / "articles.jsonl").read_bytes())
    (tmp_path / "a" / "photo.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "y.jsonl").write_bytes((fixtures / "articles.jsonl").read_bytes())
    items = list(read_path(tmp_path))
    assert len(items) == 6  # 3 feed items (one broken) + 3 JSON lines


def test_missing_path_is_a_problem(tmp_path):
    item = _only(read_path(tmp_path / "nope.jsonl"))
    assert isinstance(item, Problem) and "no such file" in item.message


def test_stdin_is_sniffed_as_json_lines_or_text(fixtures):
    jsonl = list(read_stream(io.BytesIO((fixtures / "articles.jsonl").read_bytes()), "<stdin>"))
    assert [a.id for a in jsonl] == ["fx-001", "fx-002", "fx-003"]
    text = _only(read_stream(io.BytesIO(SEED_000.read_bytes()), "<stdin>", outlet="नमूना"))
    assert text.title.startswith("सीरियाई नेता अल-शरा")
    feed = list(read_stream(io.BytesIO((fixtures / "feed.atom").read_bytes()), "<stdin>"))
    assert feed[0].author == "सुमन यादव"


# --- URLs ---------------------------------------------------------------------

@pytest.fixture
def local_server(fixtures):
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(fixtures))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_feed_and_page_urls_are_fetched_and_read(local_server):
    from ghatnakram.readers import read_sources

    items = list(read_sources([f"{local_server}/feed.atom", f"{local_server}/article_page.html"]))
    assert items[0].author == "सुमन यादव"
    assert items[1].author == "अनीता कुमारी" and items[1].published == "2026-07-08T09:15:00+05:30"


def test_unreachable_url_and_other_schemes_are_problems(local_server):
    from ghatnakram.readers import read_sources
    from ghatnakram.readers.feed import fetch_url

    missing = _only(read_sources([f"{local_server}/missing.rss"]))
    assert isinstance(missing, Problem) and "cannot fetch" in missing.message
    with pytest.raises(BadInput, match="only http and https"):
        fetch_url("file:///etc/passwd")


def test_a_headline_only_story_takes_its_title_as_text(tmp_path):
    path = tmp_path / "brief.jsonl"
    path.write_text(json.dumps({"id": "b1", "outlet": "o", "title": "न्यायालय ने केंद्र के प्रयासों की सराहना की", "text": ""}, ensure_ascii=False) + "\n", encoding="utf-8")
    article = _only(read_path(path))
    assert article.text == article.title == "न्यायालय ने केंद्र के प्रयासों की सराहना की"


def test_a_binary_file_named_jsonl_is_one_problem_not_one_per_line(tmp_path):
    path = tmp_path / "photo.jsonl"
    path.write_bytes(b"\x89PNG\x00\x00\n\x00\x01\n\x00\x02\n" * 100)
    item = _only(read_path(path))
    assert isinstance(item, Problem) and item.where == str(path) and "binary data" in item.message
