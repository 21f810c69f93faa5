"""What a new version of an article changed: the sentences it rewrote, added and left out, against
the version it replaced (a publisher's correction, an updated report; see ``SQLiteStore.add_articles``).

A version that only completes the one before it told a reader nothing new about the changes: a file
read while it was still being written and then again complete (the earlier text is the start of the
new one, its last sentence perhaps cut), a teaser replaced by its page. Those give no changes.
"""

from __future__ import annotations

import difflib
import re
from typing import Sequence

from ..analyze.sentences import split_sentences
from ..ingest.revisions import is_excerpt
from ..records import Article, Change, Revision, Sentence

__all__ = ["revision_of"]

SHOWN = 5            # changes listed per revision; the rest are counted
_PAIRED = 0.4        # word overlap (Jaccard) at which a left-out and an added sentence are one rewritten
_WORD = re.compile(r"\w+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


def _jaccard(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


def _differing(was: str, now: str) -> tuple[str, str]:
    """The words of ``was`` and of ``now`` between their common first and last words ("between 2 and
    3 million pounds" / "between 2 and 4 million pounds" -> "3", "4")."""
    a, b = was.split(), now.split()
    lo = 0
    while lo < min(len(a), len(b)) and a[lo] == b[lo]:
        lo += 1
    hi = 0
    while hi < min(len(a), len(b)) - lo and a[len(a) - 1 - hi] == b[len(b) - 1 - hi]:
        hi += 1
    return _bare(" ".join(a[lo:len(a) - hi])), _bare(" ".join(b[lo:len(b) - hi]))


def _bare(part: str) -> str:
    return part.strip(" ,;:.\"'“”‘’()")


def _completes(old: Sequence[Sentence], new: Sequence[Sentence]) -> bool:
    """Whether ``new`` is ``old`` with more after it: every earlier sentence is still there, in order,
    at the start, the last perhaps cut short (the file was read mid-sentence, mid-word)."""
    if len(old) > len(new) or not old:
        return False
    for o, n in zip(old[:-1], new):
        if _words(o.text) != _words(n.text):
            return False
    last_o, last_n = _words(old[-1].text), _words(new[len(old) - 1].text)
    k = len(last_o)   # its last word perhaps cut too ("the coast gua")
    return k <= len(last_n) and last_n[:k - 1] == last_o[:k - 1] and (k == 0 or last_n[k - 1].startswith(last_o[-1]))


def _changes(old: Sequence[Sentence], new: Sequence[Sentence]) -> list[Change]:
    """The sentences that differ, in the new text's order; a left-out sentence and an added one that
    share most words are one rewritten sentence."""
    a = [_words(s.text) for s in old]
    b = [_words(s.text) for s in new]
    out: list[Change] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        gone = list(range(i1, i2))
        for j in range(j1, j2):
            best = max(gone, key=lambda i: _jaccard(a[i], b[j]), default=None)
            if best is not None and _jaccard(a[best], b[j]) >= _PAIRED:
                gone.remove(best)
                was_part, now_part = _differing(old[best].text, new[j].text)
                out.append(Change(was=old[best].text, now=new[j].text, start=new[j].start, end=new[j].end,
                                  was_part=was_part, now_part=now_part))
            else:
                out.append(Change(now=new[j].text, start=new[j].start, end=new[j].end))
        out.extend(Change(was=old[i].text) for i in gone)
    return out


def revision_of(article: Article, earlier: str, *, shown: int = SHOWN) -> Revision | None:
    """What ``article`` (its current version) changed from ``earlier`` (the text it replaced); None
    when it changed nothing a reader was told (it completes ``earlier``, or ``earlier`` was a teaser of
    it) or changed only spacing and punctuation."""
    if not earlier.strip() or is_excerpt(earlier, article.text):
        return None
    old = split_sentences(earlier, article.id, article.lang)
    new = split_sentences(article.text, article.id, article.lang)
    if _completes(old, new):
        return None
    changes = _changes(old, new)
    if not changes:
        return None
    return Revision(article_id=article.id, revised_at=str(article.meta.get("revised_at", "")),
                    changes=tuple(changes[:shown]), more=max(0, len(changes) - shown))
