"""Quality gate: fail when a score on the development events drops below its pinned floor.

Runs `ghatnakram eval ../shared/data/events-dev/dev.jsonl --json` and compares each score
with quality_floors.json. Skipped, saying so, where ../shared is not beside the repository.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "events-dev" / "dev.jsonl"


def main() -> int:
    if not DEV.exists():
        print(f"quality gate skipped: {DEV} is not there (../shared is not beside the repository)")
        return 0
    floors = {k: v for k, v in json.loads((ROOT / "quality_floors.json").read_text()).items() if not k.startswith("_")}
    result = subprocess.run(["ghatnakram", "eval", str(DEV), "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    failed = False
    for name, floor in floors.items():
        ok = scores.get(name, 0.0) >= floor
        failed |= not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name:22s} {scores.get(name, 0.0):.4f} (floor {floor:g})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
