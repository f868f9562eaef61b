
import json

import pytest

from ghatnakram import pipeline
from ghatnakram.analyze import Analyzer
from ghatnakram.assign import OnlineAssigner
from ghatnakram.ingest import REPEATED_LINE_MIN_ARTICLES, ingest_article, ingest_items
from ghatnakram.models import Article, Problem
from ghatnakram.pipeline import assign_events, ingest
from ghatnakram.readers import read_sources
from ghatnakram.store import open_store

AGENCY_TEXT = (
    "नई दिल्ली, (भाषा)। केंद्र सरकार ने बुधवार को देश के 12 राज्यों में बाढ़ राहत के लिए 1,500 करोड़ रुपये जारी किए। "
    "गृह मंत्रालय के एक अधिकारी ने बताया कि यह राशि राज्य आपदा मोचन कोष के तहत दी गई है और इसका उपयोग "
    "राहत शिविरों, पेयजल, दवाओं और क्षतिग्रस्त घरों की मरम्मत के लिए किया जाएगा। अधिकारी के मुताबिक सबसे ज्यादा "
    "राशि असम, बिहार और उत्तर प्रदेश को दी गई है, जहां इस साल बाढ़ से सबसे अधिक नुकसान हुआ है। राज्यों से कहा गया है "
    "कि वे 30 दिन के भीतर खर्च का ब्योरा भेजें ताकि अगली किस्त जारी की जा सके।"
)


def _article(article_id, outlet="नमूना समाचार", text=AGENCY_TEXT, **fields):
    return Article(id=article_id, outlet=outlet, text=text, raw_text=text, source=f"test:{article_id}", **fields)


def test_new_article_is_stored_with_clean_text(store):
    outcome, stored_id = ingest_article(_article("a1", text=AGENCY_TEXT + "\nऔर पढ़ें: दूसरी खबर"), store, Analyzer())
    assert (outcome, stored_id) == ("stored", "a1")
    stored = store.get_article("a1")
    assert stored.text == AGENCY_TEXT and "और पढ़ें" in stored.raw_text
    assert stored.content_hash and stored.duplicate_of is None


def test_same_id_twice_is_stored_once(store):
    ingest_items([_article("a1")], store)
    report = ingest_items([_article("a1", text="बिल्कुल अलग पाठ जो बाद में आया। " * 5)], store)
    assert (report.stored, report.skipped) == (0, 1)
    assert store.count_articles() == 1
    assert store.get_article("a1").text == AGENCY_TEXT  # nothing already stored is changed


def test_same_url_under_another_id_is_stored_once_and_the_new_id_resolves(store):
    url = "https://samachar-sample.example/relief"
    ingest_items([_article("a1", url=url)], store)
    report = ingest_items([_article("a2", url=url, text="दूसरा पाठ। " * 10)], store)
    assert report.skipped == 1 and store.count_articles() == 1
    assert report.ids == {"a2": "a1"}
    assert store.get_article("a2").id == "a1"


def test_same_content_from_the_same_outlet_is_stored_once(store):
    ingest_items([_article("a1")], store)
    report = ingest_items([_article("a1-again", text=AGENCY_TEXT.replace("। ", "।\n"))], store)
    assert report.skipped == 1 and store.count_articles() == 1


def test_agency_copy_in_another_paper_is_stored_and_marked_duplicate_of_the_first(store):
    report = ingest_items([_article("a1"), _article("b1", outlet="दिशा न्यूज़")], store)
    assert (report.stored, report.duplicates) == (2, 1)
    assert store.get_article("b1").duplicate_of == "a1"


def test_lightly_edited_copy_is_a_near_duplicate(store):
    edited = AGENCY_TEXT.replace("नई दिल्ली, (भाषा)।", "नई दिल्ली।").replace("बताया", "कहा") + " इससे पहले जुलाई में भी राशि दी गई थी।"
    ingest_items([_article("a1"), _article("c1", outlet="जनवाणी डेली", text=edited)], store)
    assert store.get_article("c1").duplicate_of == "a1"


def test_copy_of_a_copy_points_to_the_first_original(store):
    ingest_items([_article("a1"), _article("b1", outlet="दूसरा"), _article("c1", outlet="तीसरा")], store)
    assert store.get_article("c1").duplicate_of == "a1"


def test_different_stories_on_the_same_topic_are_not_duplicates(store):
    other = (
        "पटना, संवाददाता। बिहार सरकार ने गुरुवार को बाढ़ प्रभावित 8 जिलों में राहत शिविरों की संख्या बढ़ाकर 120 कर दी। "
        "आपदा प्रबंधन विभाग के मुताबिक शिविरों में अभी 40 हजार लोग रह रहे हैं और उन्हें दोनों समय भोजन दिया जा रहा है। "
        "विभाग ने कहा कि नावों की संख्या भी बढ़ाई गई है ताकि दूर के गांवों तक राहत पहुंच सके और बीमारों को अस्पताल ले जाया जा सके।"
    )
    ingest_items([_article("a1"), _article("d1", outlet="दूसरा", text=other)], store)
    assert store.get_article("d1").duplicate_of is None


def test_bad_articles_are_reported_and_the_rest_of_the_batch_is_stored(store):
    items = [
        _article("ok1"),
        Problem("feed.jsonl:2", "malformed JSON"),
        _article("english", text="The central government released funds for flood relief on Wednesday. " * 3),
        _article("empty", text="और पढ़ें: दूसरी खबर"),
        _article("ok2", outlet="दूसरा", text="लखनऊ में बुधवार को नगर निगम ने सड़कों की मरम्मत के लिए नया अभियान शुरू किया।"),
    ]
    report = ingest_items(items, store)
    assert (report.read, report.stored, report.failed) == (5, 2, 3)
    messages = {p.where: p.message for p in report.problems}
    assert "not Hindi text" in messages["test:english"]
    assert "no article text left after removing boilerplate" in messages["test:empty"]
    assert store.count_articles() == 2


def test_a_failing_article_leaves_no_partial_rows(store, monkeypatch):
    calls = {"n": 0}
    original = store.add_signature

    def fail_second(*args):
        calls["n"] += 1
        if calls["n"] == 2:
            raise ValueError("disk trouble")
        return original(*args)

    monkeypatch.setattr(store, "add_signature", fail_second)
    with pytest.raises(ValueError):
        ingest_items([_article("a1"), _article("b1", outlet="दूसरा", text=AGENCY_TEXT + " और।")], store)
    # The batch is one transaction: nothing of it is kept, and the store is usable.
    assert store.count_articles() == 0
    monkeypatch.setattr(store, "add_signature", original)
    report = ingest_items([_article("a1")], store)
    assert report.stored == 1


def test_a_crash_mid_batch_keeps_earlier_batches_intact(store):
    def items():
        yield _article("a1")
        yield _article("a2", outlet="दूसरा")
        raise KeyboardInterrupt  # the process is stopped while reading the second batch

    with pytest.raises(KeyboardInterrupt):
        ingest_items(items(), store, batch_size=1)
    assert store.count_articles() == 2
    assert ingest_items([_article("a1")], store).skipped == 1


def test_lines_an_outlet_repeats_across_many_articles_are_learned_and_removed(store):
    footer = "नमूना टाइम्स की खबरें अपने फोन पर सबसे पहले पाने के लिए संपादक को पत्र लिखें"
    bodies = [
        f"शहर के वार्ड {n} में {n * 3} नई स्ट्रीट लाइटें लगाई गईं और निवासियों ने खुशी जताई।\n{footer}"
        for n in range(1, REPEATED_LINE_MIN_ARTICLES + 3)
    ]
    ingest_items([_article(f"n{i}", outlet="नमूना टाइम्स", text=t) for i, t in enumerate(bodies)], store)
    texts = [store.get_article(f"n{i}").text for i in range(len(bodies))]
    assert all(footer in t for t in texts[:REPEATED_LINE_MIN_ARTICLES])
    assert all(footer not in t for t in texts[REPEATED_LINE_MIN_ARTICLES:])
    # Another outlet printing the same line keeps it: the learning is per outlet.
    ingest_items([_article("other", outlet="दूसरा", text=bodies[0].replace("वार्ड 1", "वार्ड 99"))], store)
    assert footer in store.get_article("other").text


def test_ingest_reads_sources_and_counts_in_the_summary(store, fixtures):
    report = ingest([str(fixtures / "articles.jsonl"), str(fixtures / "feed.rss")], store)
    assert report.summary() == "read 6, stored 5, duplicates 0, already stored 0, failed 1"
    again = ingest([str(fixtures / "articles.jsonl")], store)
    assert again.summary() == "read 3, stored 0, duplicates 0, already stored 3, failed 0"


def _write_jsonl(path, articles):
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"id": a.id, "outlet": a.outlet, "published": a.published, "title": a.title,
                                  "text": a.text}, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("order", ["publication", "reversed"])
def test_ingesting_a_file_assigns_settled_articles_while_reading_and_ends_as_one_assignment(
        tmp_path, demo_articles, monkeypatch, order):
    articles = demo_articles if order == "publication" else demo_articles[::-1]
    path = tmp_path / "in.jsonl"
    _write_jsonl(path, articles)
    once = open_store(tmp_path / "once.db")
    ingest_items(read_sources([str(path)]), once)
    assign_events(once)
    early: list[int] = []
    original = OnlineAssigner.assign_queued

    def counting(self, *args, before=None, **kwargs):
        assigned = original(self, *args, before=before, **kwargs)
        if before is not None:
            early.append(len(assigned))
        return assigned

    monkeypatch.setattr(OnlineAssigner, "assign_queued", counting)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 5)
    monkeypatch.setattr(pipeline, "FLOOR_BLOCK", 3)
    ahead = open_store(tmp_path / "ahead.db")
    ingest([str(path)], ahead)
    assert ahead.event_labels() == once.event_labels()
    if order == "publication":
        assert sum(early) > len(articles) // 2  # most were assigned while the rest was read
    else:
        assert sum(early) == 0  # every later line is older: nothing is settled before the end
    once.close()
    ahead.close()


def test_storing_articles_as_they_are_read_stores_what_reading_each_batch_first_does(tmp_path, demo_articles):
    first, as_read = open_store(tmp_path / "first.db"), open_store(tmp_path / "as-read.db")
    reads: list[int] = []
    ingest_items(demo_articles, first, batch_size=7)
    ingest_items(demo_articles, as_read, batch_size=7, store_as_read=True, after_batch=reads.append)
    assert reads == [7, 14, 21, 28, 35, 42]  # after each full batch, not after the last partial one
    assert list(as_read.iter_articles()) == list(first.iter_articles())
    first.close()
    as_read.close()
