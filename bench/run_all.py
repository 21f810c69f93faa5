"""Run every benchmark in bench/ (each prints its own table). `make bench` calls this.

    python bench/run_all.py            # all, full size
    python bench/run_all.py --quick    # each benchmark's quick subset
    python bench/run_all.py ingest timex   # only these
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    flags = [a for a in sys.argv[1:] if a.startswith("-")]
    scripts = sorted(p for p in HERE.glob("*.py") if not p.name.startswith("_") and p.name != "run_all.py")
    if args:
        scripts = [p for p in scripts if p.stem in args]
    failed = []
    for script in scripts:
        print(f"\n=== bench/{script.name} {' '.join(flags)}", flush=True)
        t0 = time.perf_counter()
        rc = subprocess.call([sys.executable, str(script), *flags])
        print(f"=== bench/{script.name}: {'ok' if rc == 0 else f'FAILED (exit {rc})'} "
              f"in {time.perf_counter() - t0:.0f} s", flush=True)
        if rc:
            failed.append(script.name)
    if failed:
        print("failed:", ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
