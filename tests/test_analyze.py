"""The analysis stage as ingest runs it: on the seeds, across two separate ingest calls."""

import json

import pytest

from ghatnakram.analyze import attribute_quotes
from ghatnakram.models import Mention, Quote
from ghatnakram.pipeline import ingest
from ghatnakram.store import open_store

from conftest import SEED_000, SEED_002


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """Both seeds ingested in two separate calls, as two outlets would arrive."""
    store = open_store(tmp_path_factory.mktemp("seeds") / "seeds.db")
    first = ingest([str(SEED_000)], store, outlet="Seed outlet A", published="2025-10-16")
    second = ingest([str(SEED_002)], store, outlet="Seed outlet B", published="2026-01-29")
    assert first.failed == second.failed == 0
    yield store.get_article(SEED_000.stem), store.get_article(SEED_002.stem), store
    store.close()


def _canonicals(article, *spellings):
    by_text = {m.text: m.canonical for m in article.analysis.entities}
    return [by_text.get(s) for s in spellings]


def test_seed_event_dates_are_the_days_of_the_meetings(seeds):
    first, second, _ = seeds
    assert first.analysis.event_date == "2025-10-15"
    assert second.analysis.event_date == "2026-01-28"


def test_seed_recurrence_cues_are_first_and_second_meeting(seeds):
    first, second, _ = seeds
    assert first.analysis.recurrence.ordinal == 1
    assert (second.analysis.recurrence.ordinal, second.analysis.recurrence.noun) == (2, "मुलाकात")


def test_spelling_variants_across_the_two_seeds_are_one_entity(seeds):
    first, second, _ = seeds
    names = {m.text for m in first.analysis.entities} | {m.text for m in second.analysis.entities}
    assert {"अल-शरा", "अल-शारा"} <= names or {"अहमद अल-शरा", "अहमद अल-शारा"} <= names
    sharaa_1 = {m.canonical for m in first.analysis.entities if "शरा" in m.text}
    sharaa_2 = {m.canonical for m in second.analysis.entities if "शारा" in m.text}
    assert sharaa_1 and sharaa_1 == sharaa_2
    putin_1 = {m.canonical for m in first.analysis.entities if "पुतिन" in m.text}
    putin_2 = {m.canonical for m in second.analysis.entities if "पुतिन" in m.text}
    assert len(putin_1) == 1 and putin_1 == putin_2  # पुतिन joins व्लादिमीर पुतिन


def test_moscow_spellings_resolve_to_one_place(seeds):
    first, second, _ = seeds
    moscow = {m.place for a in (first, second) for m in a.analysis.entities if m.text in ("मास्को", "मॉस्को")}
    assert moscow == {"city:Europe/Moscow"}


def test_putins_quote_is_attributed_to_putin(seeds):
    _, second, _ = seeds
    quote = next(q for q in second.analysis.quotes if q.text.startswith("हमारे अंतर-राज्यीय संबंधों"))
    assert quote.speaker == "पुतिन"
    putin = {m.canonical for m in second.analysis.entities if "पुतिन" in m.text}
    assert quote.speaker_canonical in putin


def test_a_diplomatic_meeting_is_not_a_disaster(seeds):
    first, second, _ = seeds
    assert first.analysis.event_type == second.analysis.event_type == "other"


def test_entities_are_stored_with_their_spellings(seeds):
    _, _, store = seeds
    stored = {e["id"]: e for e in store.load_entities()}
    sharaa = next(e for e in stored.values() if e["type"] == "PER" and any("शरा" in v for v in e["variants"]))
    assert any("शारा" in v for v in sharaa["variants"]) and sharaa["latin"]


def test_quote_speakers_link_to_the_person_named_in_them():
    mentions = [Mention("क्रेमलिन", "ORG", 0, 8, 0, canonical="ORG:क"), Mention("दिमित्री पेस्कोव", "PER", 20, 36, 0, canonical="PER:द")]
    quote = Quote(speaker="क्रेमलिन के प्रवक्ता दिमित्री पेस्कोव", text="…", sentence=0)
    assert attribute_quotes([quote], mentions)[0].speaker_canonical == "PER:द"


def test_run_output_carries_entities_and_event_date(tmp_path):
    source = tmp_path / "in.jsonl"
    text = SEED_002.read_text(encoding="utf-8")
    source.write_text(json.dumps({"id": "s2", "outlet": "B", "published": "2026-01-29", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    from ghatnakram import pipeline

    store = open_store(tmp_path / "r.db")
    with (tmp_path / "out.jsonl").open("w", encoding="utf-8") as out:
        pipeline.run(source, out, store)
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert record["event_date"] == "2026-01-28"
    assert record["entities"] and all({"text", "type", "canonical", "name"} <= set(e) for e in record["entities"])
    assert any(e["name"] == "व्लादिमीर पुतिन" for e in record["entities"])


def test_warm_up_builds_the_place_indexes_before_workers_are_forked():
    from ghatnakram import places
    from ghatnakram.analyze import warm_up

    places._indexes.cache_clear()
    places._letter_sets.cache_clear()
    warm_up()
    assert places._indexes.cache_info().currsize == 1 and places._letter_sets.cache_info().currsize == 1


def test_a_quote_speaker_links_to_a_person_before_a_longer_organisation_and_to_the_first_of_equals():
    mentions = [
        Mention("राष्ट्रीय आपदा प्रबंधन प्राधिकरण", "ORG", 0, 30, 0, canonical="ORG:न"),
        Mention("राम", "PER", 40, 43, 0, canonical="PER:र1"),
        Mention("श्याम", "PER", 50, 55, 0, canonical="PER:श"),
        Mention("राम", "PER", 60, 63, 0, canonical="PER:र2"),
    ]
    quotes = [Quote(speaker="राष्ट्रीय आपदा प्रबंधन प्राधिकरण के राम", text="…", sentence=0),
              Quote(speaker="राष्ट्रीय आपदा प्रबंधन प्राधिकरण", text="…", sentence=0),
              Quote(speaker="सूत्रों", text="…", sentence=0)]
    assert [q.speaker_canonical for q in attribute_quotes(quotes, mentions)] == ["PER:र1", "ORG:न", ""]
