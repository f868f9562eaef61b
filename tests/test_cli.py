import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ghatnakram.cli import main

from conftest import SEED_000, SEED_002

README = Path(__file__).parent.parent / "README.md"


def _run(*args, input=None):
    result = CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)
    return result


def test_ingest_prints_a_summary_and_exits_zero(tmp_path, fixtures):
    db = tmp_path / "g.db"
    result = _run("ingest", fixtures / "articles.jsonl", "--db", db)
    assert result.exit_code == 0
    assert result.stderr.strip().endswith("read 3, stored 3, duplicates 0, already stored 0, failed 0")


def test_ingest_reports_each_bad_input_on_one_line_and_exits_nonzero(tmp_path, fixtures):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "outlet": "o"}\nnot json\n', encoding="utf-8")
    result = _run("ingest", fixtures / "articles.jsonl", bad, "--db", tmp_path / "g.db")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {bad}:1: missing field(s) text: every line needs id, outlet and text (or a title)",
        f"error: {bad}:2: malformed JSON (Expecting value at column 1): fix or remove this line",
    ]
    assert "stored 3" in result.stderr


def test_ingest_reads_stdin(tmp_path, fixtures):
    data = (fixtures / "articles.jsonl").read_bytes()
    result = _run("ingest", "-", "--db", tmp_path / "g.db", input=data)
    assert result.exit_code == 0 and "stored 3" in result.stderr


def test_ingest_text_files_with_outlet_and_date(tmp_path):
    db = tmp_path / "g.db"
    result = _run("ingest", SEED_000, "--outlet", "नमूना", "--published", "2025-10-16", "--db", db)
    assert result.exit_code == 0
    shown = json.loads(_run("show", "000_666c9d8fc3af1f4a", "--json", "--db", db).stdout)
    assert shown["outlet"] == "नमूना" and shown["published"] == "2025-10-16"
    assert shown["title"].startswith("सीरियाई नेता अल-शरा")
    assert "ये खबर भी पढ़ें" not in shown["text"]


def test_show_prints_clean_title_and_text(tmp_path):
    db = tmp_path / "g.db"
    _run("ingest", SEED_002, "--outlet", "नमूना", "--db", db)
    result = _run("show", "002_a1b31033bad5e4bd", "--db", db)
    assert result.exit_code == 0
    first_line = result.stdout.splitlines()[0]
    assert first_line.startswith("सीरिया के राष्ट्रपति अहमद अल-शारा ने")  # no title: the lead's headline
    assert "और पढ़ें" not in result.stdout


def test_show_unknown_id_says_how_to_find_ids(tmp_path):
    result = _run("show", "nope", "--db", tmp_path / "g.db")
    assert result.exit_code == 1
    assert "no article, event or storyline with id 'nope'" in result.stderr and "export articles" in result.stderr


def test_run_writes_one_contract_line_per_input_in_input_order(tmp_path, fixtures):
    source = tmp_path / "in.jsonl"
    lines = (fixtures / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    source.write_text("\n".join([lines[2], lines[0], lines[1]]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run("run", source, "--out", out, "--db", tmp_path / "g.db")
    assert result.exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["fx-003", "fx-001", "fx-002"]
    for record in records:
        assert set(record) == {"id", "event", "storyline", "event_date", "headline", "entities", "duplicate_of"}
        assert record["headline"]
    # The contract's headline is written from the text even where the outlet gave a title.
    assert records[1]["headline"] == "भोपाल और आसपास के जिलों में तेज ओलावृष्टि हुई"


def test_run_marks_an_input_that_repeats_a_stored_article(tmp_path, fixtures):
    db = tmp_path / "g.db"
    _run("ingest", fixtures / "articles.jsonl", "--db", db)
    record = json.loads((fixtures / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
    record["id"] = "fx-001-again"
    source = tmp_path / "again.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    _run("run", source, "--out", out, "--db", db)
    assert json.loads(out.read_text(encoding="utf-8"))["duplicate_of"] == "fx-001"


def test_export_articles_as_jsonl_and_csv(tmp_path, fixtures):
    db = tmp_path / "g.db"
    _run("ingest", fixtures / "articles.jsonl", "--db", db)
    as_jsonl = _run("export", "articles", "--db", db).stdout.splitlines()
    assert [json.loads(line)["id"] for line in as_jsonl] == ["fx-001", "fx-002", "fx-003"]
    out = tmp_path / "a.csv"
    _run("export", "articles", "--format", "csv", "--out", out, "--db", db)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == ["fx-001", "fx-002", "fx-003"]
    assert rows[0]["outlet"] == "नमूना समाचार"


def test_demo_loads_the_bundled_corpus_and_finds_the_agency_copy(tmp_path):
    db = tmp_path / "demo.db"
    result = _run("demo", "--db", db)
    assert result.exit_code == 0, result.output
    summary = re.search(r"read (\d+), stored (\d+), duplicates (\d+), already stored 0, failed 0", result.stdout)
    assert summary and int(summary.group(1)) >= 32 and int(summary.group(3)) >= 1
    assert "Seed outlet A" in result.stdout and "Seed outlet B" in result.stdout
    assert "सीरियाई नेता अल-शरा ने रूसी राष्ट्रपति पुतिन से मुलाकात की" in result.stdout
    again = _run("demo", "--db", db)
    assert "stored 0" in again.stdout and "failed 0" in again.stdout


def test_unusable_db_path_is_a_one_line_error(tmp_path):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("this is not a database", encoding="utf-8")
    result = _run("export", "articles", "--db", not_a_db)
    assert result.exit_code == 1
    assert "cannot open as a ghatnakram SQLite store" in result.stderr


def test_every_command_has_help_and_is_documented_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, f"{name} has no help text"
        assert f"ghatnakram {name}" in readme, f"README does not document 'ghatnakram {name}'"


def test_ci_runs_exactly_the_test_command_the_readme_gives():
    readme_commands = [line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("python3 -m venv")]
    demo_command, test_command = readme_commands[:2]
    assert demo_command.endswith("ghatnakram demo")
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_canon_prints_one_key_for_the_spellings_of_one_place_and_two_for_two_places():
    result = _run("canon", "--type", "LOC", "मास्को", "मॉस्को", "ईरान", "इराक")
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [name for name, _ in lines] == ["मास्को", "मॉस्को", "ईरान", "इराक"]
    keys = [key for _, key in lines]
    assert keys[0] == keys[1] and keys[2] != keys[3]


def test_canon_joins_a_surname_to_the_full_name_given_with_it():
    result = _run("canon", "व्लादिमीर पुतिन", "पुतिन", "अल-शरा", "अल-शारा", "अल शरा")
    keys = [line.split("\t")[1] for line in result.stdout.splitlines()]
    assert keys[0] == keys[1] and keys[2] == keys[3] == keys[4] and keys[0] != keys[2]


def test_eval_ner_ends_with_a_json_line_of_scores(fixtures):
    result = _run("eval-ner", fixtures / "ner_sample.conll", "--json")
    assert result.exit_code == 0
    scores = json.loads(result.stdout.splitlines()[-1])
    assert set(scores) == {"micro", "PER", "LOC", "ORG"}
    assert {"precision", "recall", "f1"} <= set(scores["micro"])


def test_eval_ner_names_a_malformed_file(tmp_path):
    bad = tmp_path / "bad.conll"
    bad.write_text("शब्द बिना टैब\n", encoding="utf-8")
    result = _run("eval-ner", bad)
    assert result.exit_code == 1 and "bad.conll:1" in result.stderr


def test_eval_ner_leaves_out_a_malformed_line_with_a_warning_and_scores_the_rest(tmp_path, fixtures):
    sample = (fixtures / "ner_sample.conll").read_text(encoding="utf-8")
    mixed = tmp_path / "mixed.conll"
    mixed.write_text("एक\n\n" + sample, encoding="utf-8")
    result = _run("eval-ner", mixed, "--json")
    assert result.exit_code == 0
    assert "warning: " in result.stderr and "mixed.conll:1" in result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == json.loads(_run("eval-ner", fixtures / "ner_sample.conll", "--json").stdout.splitlines()[-1])


def test_eval_dates_scores_a_labelled_file(fixtures):
    result = _run("eval-dates", fixtures / "dates_events.jsonl", "--json")
    scores = json.loads(result.stdout)
    assert scores["n"] > 0 and 0.0 <= scores["accuracy"] <= 1.0


def test_eval_scores_a_labelled_file_like_the_reference_scorer(fixtures):
    result = _run("eval", fixtures / "dates_events.jsonl", "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    for key in ("event_bcubed_f1", "event_pair_f1", "storyline_bcubed_f1", "event_date_acc"):
        assert 0.0 <= scores[key] <= 1.0
    assert scores["missing"] == 0


@pytest.mark.parametrize("command", ["eval", "eval-dates", "eval-headlines"])
def test_an_eval_leaves_out_a_malformed_line_with_a_warning_and_scores_the_rest(command, tmp_path, fixtures):
    labelled = (fixtures / "dates_events.jsonl").read_text(encoding="utf-8")
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"id": "x", broken\n' + labelled, encoding="utf-8")
    result = _run(command, mixed, "--json")
    assert result.exit_code == 0, result.output
    assert "warning: " in result.stderr and "mixed.jsonl:1: malformed JSON" in result.stderr
    whole = _run(command, fixtures / "dates_events.jsonl", "--json")
    assert json.loads(result.stdout.splitlines()[-1]) == json.loads(whole.stdout.splitlines()[-1])


def test_eval_names_a_story_the_pipeline_refuses_and_scores_it_as_missing(tmp_path, fixtures):
    rows = [json.loads(line) for line in (fixtures / "dates_events.jsonl").read_text(encoding="utf-8").splitlines()]
    rows[0]["published"] = "2999-01-01"
    labelled = tmp_path / "future.jsonl"
    labelled.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = _run("eval", labelled, "--json")
    assert result.exit_code == 0, result.output
    assert f"story {rows[0]['id']}: 'published' 2999-01-01 is in the future" in result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["missing"] == 1


def test_events_storylines_show_and_export_after_the_demo(tmp_path):
    db = tmp_path / "demo.db"
    _run("demo", "--db", db)
    events = [json.loads(line) for line in _run("events", "--json", "--db", db).stdout.splitlines()]
    seeds = [e for e in events if {"000_666c9d8fc3af1f4a", "002_a1b31033bad5e4bd"} & set(e["articles"])]
    assert len(seeds) == 2 and seeds[0]["storyline"] == seeds[1]["storyline"]
    assert {e["event_date"] for e in seeds} == {"2025-10-15", "2026-01-28"}
    with_putin = [json.loads(line) for line in _run("events", "--entity", "पुतिन", "--json", "--db", db).stdout.splitlines()]
    assert {e["id"] for e in with_putin} == {e["id"] for e in seeds}
    since = [json.loads(line) for line in _run("events", "--since", "2026-06-01", "--json", "--db", db).stdout.splitlines()]
    assert since and all(e["event_date"] >= "2026-06-01" for e in since)
    storyline = json.loads(_run("show", seeds[0]["storyline"], "--json", "--db", db).stdout)
    assert [e["event_date"] for e in storyline["events"]] == ["2025-10-15", "2026-01-28"]
    exported = _run("export", "events", "--db", db).stdout.splitlines()
    assert len(exported) == len(events)
    assert "sl-" in _run("storylines", "--db", db).stdout


def test_event_ids_stay_the_same_when_more_articles_arrive(tmp_path, fixtures):
    db = tmp_path / "g.db"
    _run("ingest", SEED_000, "--outlet", "A", "--published", "2025-10-16", "--db", db)
    first = json.loads(_run("events", "--json", "--db", db).stdout)["id"]
    _run("ingest", fixtures / "articles.jsonl", "--db", db)
    ids = {json.loads(line)["id"] for line in _run("events", "--json", "--db", db).stdout.splitlines()}
    assert first in ids
