"""Ingest with worker processes gives exactly what ingest in one process gives."""

import io
import os
import json
import sqlite3
from contextlib import chdir
from pathlib import Path

import pytest

from ghatnakram import parallel, pipeline
from ghatnakram.ingest import REPEATED_LINE_MIN_ARTICLES, ingest_items
from ghatnakram.models import Article
from ghatnakram.parallel import check_workers, ordered_map
from ghatnakram.pipeline import demo_items
from ghatnakram.store import open_store

AGENCY = (
    "नई दिल्ली, (भाषा)। केंद्र सरकार ने बुधवार को देश के 12 राज्यों में बाढ़ राहत के लिए 1,500 करोड़ रुपये जारी किए। "
    "गृह मंत्रालय के एक अधिकारी ने बताया कि यह राशि राज्य आपदा मोचन कोष के तहत दी गई है और इसका उपयोग "
    "राहत शिविरों, पेयजल, दवाओं और क्षतिग्रस्त घरों की मरम्मत के लिए किया जाएगा। अधिकारी के मुताबिक सबसे ज्यादा "
    "राशि असम, बिहार और उत्तर प्रदेश को दी गई है, जहां इस साल बाढ़ से सबसे अधिक नुकसान हुआ है।"
)
FOOTER = "नमूना टाइम्स के सभी लेख संपादक की लिखित अनुमति से ही दोबारा छापे जा सकते हैं"
CITY_NEWS = (  # one outlet's local stories, each printed with its footer
    "पटना के वार्ड 3 में नगर निगम ने 40 नई स्ट्रीट लाइटें लगाईं और निवासियों ने कहा कि अब रात में गलियां सुरक्षित लगती हैं।",
    "गांधी मैदान के पास बुधवार सुबह पानी की मुख्य पाइपलाइन फट गई, जिससे आसपास के चार मोहल्लों में दिन भर आपूर्ति बंद रही।",
    "जिलाधिकारी ने सरकारी स्कूलों का निरीक्षण किया और शिक्षकों को समय पर हाजिरी दर्ज करने तथा मध्याह्न भोजन की जांच के निर्देश दिए।",
    "राजेंद्र नगर टर्मिनल से दिल्ली जाने वाली दो ट्रेनें कोहरे के कारण छह घंटे देर से चलीं और यात्री प्लेटफॉर्म पर इंतजार करते रहे।",
    "बिहार विश्वविद्यालय ने स्नातक परीक्षा का परिणाम घोषित किया, जिसमें इस बार छात्राओं का उत्तीर्ण प्रतिशत छात्रों से अधिक रहा।",
    "कंकड़बाग में एक कपड़े की दुकान में देर रात आग लग गई; दमकल की तीन गाड़ियों ने दो घंटे में आग पर काबू पाया, कोई घायल नहीं हुआ।",
    "नगर निगम की बैठक में तय हुआ कि अगले महीने से कचरा उठाने वाली गाड़ियां हर वार्ड में सुबह सात बजे से पहले पहुंचेंगी।",
    "पटना जंक्शन के सामने बनने वाले फ्लाईओवर का काम बारिश से पहले पूरा करने के लिए निर्माण कंपनी को अतिरिक्त मजदूर लगाने को कहा गया।",
    "शहर के सबसे पुराने पुस्तकालय के जीर्णोद्धार के लिए राज्य सरकार ने 2 करोड़ रुपये स्वीकृत किए और काम जल्द शुरू होगा।",
)


def _line(article_id, outlet, text, published="2026-03-04", **fields):
    return json.dumps({"id": article_id, "outlet": outlet, "published": published, "text": text, **fields}, ensure_ascii=False)


def near_duplicate_lines() -> list[str]:
    """Copies, near-copies, repeats, broken lines and an outlet's learned footer, in one input."""
    edited = AGENCY.replace("नई दिल्ली, (भाषा)।", "नई दिल्ली।").replace("बताया", "कहा") + " इससे पहले जुलाई में भी राशि दी गई थी।"
    lines = [
        _line("a1", "नमूना समाचार", AGENCY, title="बाढ़ राहत के लिए 1,500 करोड़ जारी"),
        _line("b1", "दिशा न्यूज़", AGENCY, published="2026-03-04T18:00:00+05:30"),
        _line("c1", "जनवाणी डेली", edited, published="2026-03-05"),
        _line("a1-again", "नमूना समाचार", AGENCY.replace("। ", "।\n")),
        _line("a1", "नमूना समाचार", "बिल्कुल अलग पाठ जो बाद में आया। " * 5),
        "{this line is not JSON",
        _line("english", "नमूना समाचार", "The central government released funds for flood relief on Wednesday. " * 3),
        _line("empty", "नमूना समाचार", "और पढ़ें: दूसरी खबर"),
    ]
    for n, body in enumerate(CITY_NEWS, start=1):
        lines.append(_line(f"city{n}", "नमूना टाइम्स", f"{body}\n{FOOTER}", published=f"2026-03-{n + 5:02d}"))
        if n == 2:  # the same story again, with other line breaks: not stored, so its footer does not count
            lines.append(_line("city2-again", "नमूना टाइम्स", body.replace("।", "।\n") + "\n\n" + FOOTER))
    lines.append(_line("late", "नमूना समाचार", "लखनऊ में मंगलवार को नगर निगम ने सड़कों की मरम्मत के लिए नया अभियान शुरू किया। " * 2,
                       published="2026-03-01"))
    return lines


def demo_lines() -> list[str]:
    fields = ("id", "outlet", "published", "title", "text", "url")
    return [json.dumps({f: getattr(a, f) for f in fields}, ensure_ascii=False)
            for a in demo_items() if isinstance(a, Article)]


def run_everything(tmp_path, lines: list[str], workers: int) -> dict:
    """``run`` on ``lines`` into a fresh store; its output, the report and every export."""
    folder = tmp_path / f"workers-{workers}"
    folder.mkdir()
    with chdir(folder):  # the input's path is each article's source: the same in both runs
        Path("input.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        store = open_store("store.db")
        out = io.StringIO()
        report = pipeline.run(Path("input.jsonl"), out, store, workers=workers)
    articles = io.StringIO()
    pipeline.export_articles(store, articles)
    result = {
        "tables": table_rows(folder / "store.db"),
        "run": out.getvalue(),
        "report": (report.summary(), [str(p) for p in report.problems], report.ids),
        "articles": articles.getvalue(),
        "entities": store.load_entities(),
        "events": pipeline.event_records(store),
        "storylines": pipeline.storyline_records(store, limit=None),
    }
    store.close()
    return result


def table_rows(path) -> dict[str, list]:
    """Every row of every table of a SQLite store, in insertion order, less the times of writing."""
    db = sqlite3.connect(path)
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    rows = {}
    for table in tables:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] not in ("ingested_at", "applied_at")]
        try:
            rows[table] = db.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid").fetchall()
        except sqlite3.OperationalError:  # a table WITHOUT ROWID: its rows in key order
            rows[table] = sorted(db.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)
    db.close()
    return rows


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 3 articles, 7 ahead: a small input spans many chunks and the look-ahead."""
    monkeypatch.setattr(parallel, "CHUNK_SIZE", 3)
    monkeypatch.setattr(parallel, "LOOKAHEAD", 7)


def test_run_with_workers_gives_the_same_output_and_store_as_one_process_on_the_demo_corpus(tmp_path, small_chunks):
    one, two = run_everything(tmp_path, demo_lines(), 1), run_everything(tmp_path, demo_lines(), 2)
    assert one["run"].count("\n") == 46
    for part in one:
        assert one[part] == two[part], part


def test_run_with_workers_handles_copies_repeats_and_bad_lines_as_one_process(tmp_path, small_chunks):
    one, two = run_everything(tmp_path, near_duplicate_lines(), 1), run_everything(tmp_path, near_duplicate_lines(), 2)
    for part in one:
        assert one[part] == two[part], part
    summary, problems, ids = two["report"]
    assert summary == "read 19, stored 13, duplicates 2, already stored 3, failed 3"
    assert [p.split(":")[0] for p in problems] == ["input.jsonl"] * 3
    assert "not Hindi text" in problems[1] and "no article text left" in problems[2]
    assert ids["a1-again"] == "a1" and ids["c1"] == "c1"
    records = {json.loads(line)["id"]: json.loads(line) for line in two["run"].splitlines()}
    assert records["b1"]["duplicate_of"] == "a1" and records["c1"]["duplicate_of"] == "a1"
    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in two["articles"].splitlines()}
    assert FOOTER in texts[f"city{REPEATED_LINE_MIN_ARTICLES}"] and FOOTER not in texts[f"city{REPEATED_LINE_MIN_ARTICLES + 1}"]


def test_articles_after_a_learned_footer_are_still_analysed_in_the_workers(tmp_path, small_chunks, monkeypatch):
    import sys

    ingest_module = sys.modules["ghatnakram.ingest"]
    here = []
    analyze_text = ingest_module.analyze_text
    monkeypatch.setattr(ingest_module, "analyze_text", lambda article: here.append(article.id) or analyze_text(article))
    store = open_store(tmp_path / "footer.db")
    items = [item for item in pipeline.read_jsonl(io.BytesIO("\n".join(near_duplicate_lines()).encode()), "in")]
    report = ingest_items(items, store, workers=2)
    assert report.stored == 13
    # The main process analysed only the article where the footer's count was foreseen
    # wrongly (it counted the copy that was not stored): the others were done by workers.
    assert here == [f"city{REPEATED_LINE_MIN_ARTICLES}"]
    assert FOOTER not in store.get_article(f"city{len(CITY_NEWS)}").text
    store.close()


def test_a_crash_while_reading_keeps_the_earlier_batches_with_workers(tmp_path, small_chunks):
    store = open_store(tmp_path / "crash.db")
    articles = [a for a in pipeline.read_jsonl(io.BytesIO("\n".join(demo_lines()[:5]).encode()), "in")]

    def items():
        yield from articles
        raise KeyboardInterrupt  # the process is stopped while reading

    with pytest.raises(KeyboardInterrupt):
        ingest_items(items(), store, batch_size=2, workers=2)
    assert store.count_articles() == 4  # two whole batches; the third was being read
    assert ingest_items(articles, store, workers=2).summary() == "read 5, stored 1, duplicates 0, already stored 4, failed 0"
    store.close()


def test_an_unexpected_error_in_the_analysis_stops_the_batch_as_in_one_process(tmp_path, small_chunks, monkeypatch):
    import sys

    ingest_module = sys.modules["ghatnakram.ingest"]
    fingerprint = ingest_module.fingerprint

    def broken(text):
        if "वार्ड 3 " in text:  # the first of the city stories
            raise ValueError("broken fingerprint")
        return fingerprint(text)

    monkeypatch.setattr(ingest_module, "fingerprint", broken)
    store = open_store(tmp_path / "broken.db")
    items = [item for item in pipeline.read_jsonl(io.BytesIO("\n".join(near_duplicate_lines()).encode()), "in")]
    with pytest.raises(ValueError, match="broken fingerprint"):
        ingest_items(items, store, workers=2)
    assert store.count_articles() == 0  # one batch, one transaction: nothing of it is kept
    store.close()


def test_ordered_map_returns_results_in_input_order(small_chunks):
    words = [f"शब्द{'क' * n}" for n in range(20)]
    with_workers = list(ordered_map(len, words, 2))
    assert with_workers == [(w, w, len(w)) for w in words]
    assert list(ordered_map(len, words, 1)) == with_workers


def test_ordered_map_passes_items_through_where_the_task_gives_none(small_chunks):
    items = ["एक", None, "तीन", None]
    assert list(ordered_map(len, items, 2, task=lambda item: item)) == [("एक", "एक", 2), (None, None, None), ("तीन", "तीन", 3), (None, None, None)]


def test_ordered_map_raises_a_reading_error_after_the_items_before_it(small_chunks):
    def items():
        yield from ["क", "ख", "ग", "घ"]
        raise OSError("disk gone")

    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for item, _, result in ordered_map(len, items(), 2):
            seen.append((item, result))
    assert seen == [("क", 1), ("ख", 1), ("ग", 1), ("घ", 1)]


def test_ordered_map_does_an_input_shorter_than_one_chunk_without_starting_workers(small_chunks, monkeypatch):
    def no_processes(workers):
        raise AssertionError("worker processes started for a short input")

    monkeypatch.setattr(parallel, "_pool", no_processes)
    assert list(ordered_map(len, ["एक", "दो"], 2)) == [("एक", "एक", 2), ("दो", "दो", 2)]


@pytest.mark.parametrize("bad", [0, -2, 1.5])
def test_a_number_of_workers_below_one_is_refused_with_what_to_pass(bad):
    with pytest.raises(ValueError, match="1 or more"):
        check_workers(bad)


def test_cli_run_with_workers_writes_what_one_process_writes(tmp_path, small_chunks):
    from click.testing import CliRunner

    from ghatnakram.cli import main

    source = tmp_path / "demo.jsonl"
    source.write_text("\n".join(demo_lines()) + "\n", encoding="utf-8")
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"out-{workers}.jsonl"
        args = ["run", str(source), "--out", str(out), "--workers", str(workers), "--db", str(tmp_path / f"{workers}.db")]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] and outputs[0].count("\n") == 46


def test_cli_refuses_zero_workers_and_says_what_it_takes(tmp_path, fixtures):
    from click.testing import CliRunner

    from ghatnakram.cli import main

    result = CliRunner().invoke(main, ["ingest", str(fixtures / "articles.jsonl"), "--workers", "0", "--db", str(tmp_path / "g.db")])
    assert result.exit_code == 2
    assert "--workers" in result.output and "0 is not in the range x>=1" in result.output


def lengths_of_chunk(words: list[str]) -> list[tuple[int, int]]:
    """A chunk function for ordered_map: what len gives for each, and which process did the chunk."""
    return [(len(word), os.getpid()) for word in words]


def test_ordered_map_gives_each_workers_chunk_to_the_chunk_function_in_input_order(small_chunks):
    words = [f"शब्द{'क' * n}" for n in range(20)]
    found = list(ordered_map(len, words, 2, chunk_function=lengths_of_chunk))
    assert [(word, task, length) for word, task, (length, _) in found] == [(w, w, len(w)) for w in words]
    assert os.getpid() not in {pid for *_, (_, pid) in found}
    chunks = [found[i : i + 3] for i in range(0, len(found), 3)]
    assert all(len({pid for *_, (_, pid) in chunk}) == 1 for chunk in chunks)  # one worker per chunk


def aheads(store, lines: list[str]):
    from ghatnakram.ingest import _CleanAhead

    clean = _CleanAhead(store).clean
    return [clean(item) for item in pipeline.read_jsonl(io.BytesIO("\n".join(lines).encode()), "in")]


def test_a_chunk_of_articles_is_checked_and_analysed_as_each_alone(tmp_path):
    from ghatnakram.ingest import find_in_text, find_in_texts

    store = open_store(tmp_path / "chunk.db")
    chunk = [ahead for ahead in aheads(store, near_duplicate_lines() + demo_lines()[:8]) if ahead is not None]
    together, alone = find_in_texts(chunk), [find_in_text(ahead) for ahead in chunk]
    assert any(found.error for found in alone) and any(found.analysis for found in alone)
    for one, other in zip(together, alone):
        assert (one.error, one.analysis, one.signature) == (other.error, other.analysis, other.signature)
        assert (one.prints is None) == (other.prints is None)
        if one.prints:
            assert one.prints.signature_bytes() == other.prints.signature_bytes()
    store.close()


def test_an_article_that_breaks_the_chunks_analysis_is_done_alone_and_the_others_still_are(tmp_path, monkeypatch):
    import sys

    from ghatnakram.ingest import find_in_texts

    ingest_module = sys.modules["ghatnakram.ingest"]
    analyze_text = ingest_module.analyze_text

    def broken(article):
        if "वार्ड 3 " in article.text:
            raise ValueError("broken analysis")
        return analyze_text(article)

    monkeypatch.setattr(ingest_module, "analyze_text", broken)
    monkeypatch.setattr(ingest_module, "analyze_texts", lambda articles: [broken(a) for a in articles])
    store = open_store(tmp_path / "broken.db")
    chunk = [ahead for ahead in aheads(store, near_duplicate_lines()) if ahead is not None]
    found = find_in_texts(chunk)
    broke = ["वार्ड 3 " in ahead.text for ahead in chunk]
    assert any(broke) and not all(broke)
    assert [f is None for f in found] == broke  # None: the ingesting process does it, and fails, in order
    store.close()
