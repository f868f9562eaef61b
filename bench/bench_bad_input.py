"""Cost of odd and oversized articles: does ingest time grow with the text, or faster?

A scraped page may come as one line with no sentence break, a table of clock times, a
list of thousands of repeated lines or a run of punctuation. Each case below is one
article built from a few Hindi phrases written for this benchmark (no data from
../shared), at two sizes; each is ingested alone (``pipeline.ingest``, one process)
into a fresh SQLite store in a temp dir. The report gives the seconds per case and
size and how many times longer the larger size took: about the size ratio when the
cost is linear in the text, its square when some step reads the rest of the text for
every sentence, date or quote.

    python bench/bench_bad_input.py                  # 100 and 400 thousand characters
    python bench/bench_bad_input.py --sizes 50 200 --json-out bench/out/bad_input.json
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import ghatnakram
from ghatnakram.pipeline import ingest


def _repeat(piece: str, chars: int, sep: str = " ") -> str:
    return sep.join([piece] * max(1, chars // (len(piece) + len(sep))))


# name → a function of the size in characters giving the article's text
CASES = {
    "one line, no sentence break": lambda n: "राज्य सरकार ने सोमवार को आदेश जारी किया, " + _repeat("बाजार में 5 लाख लोगों की भीड़ रही,", n),
    "a run of one word, no space": lambda n: _repeat("कोरोना", n, ""),
    "weekday after weekday": lambda n: "मंत्री ने कहा कि " + _repeat("सोमवार को", n),
    "clock time after clock time": lambda n: "बुधवार को बैठक हुई " + _repeat("10:55 बजे", n),
    "the same line again and again": lambda n: _repeat("मोदी ने कहा कि देश में 5 लाख मामले", n, "\n"),
    "quoted speech, sentence by sentence": lambda n: _repeat("मंत्री ने कहा, “हम तैयार हैं।” सचिव ने कहा कि जांच होगी।", n),
    "full stops between words": lambda n: _repeat("राम.श्याम...", n),
    "a well-formed long report": lambda n: _repeat(
        "पटना में सोमवार को स्वास्थ्य विभाग ने बताया कि जिले में 12 नए मरीज मिले हैं। जिलाधिकारी ने कहा, “सभी बाजार शाम 7 बजे तक बंद रहेंगे।”", n),
}


def time_case(text: str, workdir: Path, case: int) -> dict:
    source = workdir / f"case{case}-{len(text)}.jsonl"
    # A title with a figure: dates then also look for the title's figures in each date's sentence.
    record = {"id": f"bad-{len(text)}", "outlet": "नमूना", "published": "2026-01-29", "title": "बाजार में 5 लाख लोग", "text": text}
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    store = ghatnakram.open_store(workdir / f"{source.stem}.db")
    start = time.perf_counter()
    report = ingest([str(source)], store, workers=1)
    seconds = time.perf_counter() - start
    store.close()
    return {"chars": len(text), "seconds": round(seconds, 2), "stored": report.stored, "failed": report.failed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs=2, default=(100, 400), metavar=("SMALL", "LARGE"),
                        help="article sizes in thousands of characters")
    parser.add_argument("--json-out", type=Path, help="also write the results as JSON to this file")
    args = parser.parse_args()
    small, large = (k * 1000 for k in args.sizes)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for case, (name, build) in enumerate(CASES.items()):
            a, b = (time_case(build(n), Path(tmp), case) for n in (small, large))
            rows.append({"case": name, "small": a, "large": b, "growth": round(b["seconds"] / max(a["seconds"], 1e-3), 1),
                         "size_ratio": round(b["chars"] / a["chars"], 1)})
            print(f"{name:38s} {a['chars']:>8,} ch {a['seconds']:7.2f} s   {b['chars']:>8,} ch {b['seconds']:7.2f} s"
                  f"   ×{rows[-1]['growth']:<5} (size ×{rows[-1]['size_ratio']}) stored {a['stored']}/{b['stored']}")
    result = {"benchmark": "bad_input", "sizes_kchars": list(args.sizes), "cases": rows}
    print(json.dumps(result, ensure_ascii=False))
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
