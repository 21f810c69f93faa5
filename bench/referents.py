"""Whom an opening "He", "She", "His" or "Her" means: storyline's ``opening_referent`` on ECB+.

    python bench/referents.py             # every split (the pronouns are not what the models train on)
    python bench/referents.py --quick     # the dev split only

The brief sets that name in brackets after the pronoun of a timeline entry shown out of its article
("He [Nelson Mandela] is a free man."), so what counts is precision: a wrong name shown as fact.
Gold: ECB+'s annotated entity chains. Each sentence-opening He/She/His/Her that is in a chain is
asked for; the person mentions are ``storyline.recognize_entities``'s, named as written. An answer
is right when its mention (the last of that name before the pronoun) overlaps a gold mention of the
pronoun's chain, wrong when it overlaps only mentions of other chains, and unknown when it overlaps
no chained mention (ECB+ chains only some mentions). Peer in the same run: the nearest person named
before the pronoun (what a reader without a resolver would guess).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _common import data_path  # noqa: E402
import storyline  # noqa: E402
from storyline.consolidate.referents import _quoted, opening_pronoun, opening_referent  # noqa: E402


def nearest_before(text: str, start: int, sentences, people, quoted=()) -> str | None:  # type: ignore[no-untyped-def]
    """The peer: the last person named before the pronoun."""
    before = [p for p in people if p[1] <= start]
    return before[-1][2] if before else None


def score(systems: dict, splits: set[str]) -> dict[str, Counter]:  # type: ignore[type-arg]
    out = {name: Counter() for name in systems}
    for line in data_path("cdcr", "ecbplus", "docs.jsonl").open():
        d = json.loads(line)
        if d["split"] not in splits:
            continue
        text = d["text"]
        gold = [m for m in d["mentions"] if m.get("kind") == "entity"]
        sents = [tuple(s) for s in d["sentences"]]
        people = [(m.start, m.end, m.text) for m in storyline.recognize_entities(text) if m.label == "PERSON"]
        quoted = _quoted(text)
        for g in gold:
            if text[g["start"]:g["end"]] not in ("He", "She", "His", "Her") or not g.get("cluster"):
                continue
            s0 = next((s for s, e in sents if s <= g["start"] < e), None)
            found = opening_pronoun(text[s0:s0 + 40]) if s0 is not None else None
            if found is None or s0 + found[0] != g["start"]:
                continue
            for name, fn in systems.items():
                c = out[name]
                c["pronouns"] += 1
                who = fn(text, s0, sents, people, quoted)
                if who is None:
                    c["no answer"] += 1
                    continue
                a, b, _ = [p for p in people if p[2] == who and p[1] <= g["start"]][-1]
                over = [h for h in gold if h["start"] < b and a < h["end"] and h.get("cluster")]
                c["unknown" if not over else "right" if any(h["cluster"] == g["cluster"] for h in over)
                  else "wrong"] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="the dev split only")
    args = ap.parse_args(argv)
    if not data_path("cdcr", "ecbplus", "docs.jsonl").exists():
        print("ECB+ not found under ../shared/data/cdcr/ecbplus: skipped")
        return 0
    splits = {"dev"} if args.quick else {"train", "dev", "test"}
    res = score({"storyline": opening_referent, "nearest name before": nearest_before}, splits)
    print(f"ECB+ ({', '.join(sorted(splits))}): sentence-opening He/She/His/Her in a gold chain")
    print("| system | pronouns | answered | right | wrong | unknown | precision (right / right + wrong) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, c in res.items():
        answered = c["pronouns"] - c["no answer"]
        known = c["right"] + c["wrong"]
        print(f"| {name} | {c['pronouns']} | {answered} | {c['right']} | {c['wrong']} | {c['unknown']} | "
              f"{c['right'] / known if known else 0:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
