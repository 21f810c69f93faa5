"""The language an article is written in, when its source does not say (langid.py's naive Bayes
model over byte n-grams, 97 languages, via py3langid).

Only English is analysed in full (names, quotes and the date grammar are English); an article in
another language is stored with its language, grouped with articles in the same language only,
and summarised without the English-only analyses.
"""

from __future__ import annotations

import re
import threading

__all__ = ["DEFAULT_LANG", "MIN_WORDS", "detect_language"]

DEFAULT_LANG = "en"
MIN_WORDS = 20  # below this a guess is unreliable ("Xi Jinping" reads as Quechua): the default stands
SAMPLE_CHARS = 4000  # the first characters suffice for a whole article and keep it fast

_WORD = re.compile(r"\w+")
_LOCK = threading.Lock()
# English function words: a fifth to a third of the words of English news, a few per cent of the words
# of other languages written in Latin letters; past ENGLISH_SHARE the model is not asked
_ENGLISH = frozenset("the of and to in a is that for on was with said he it as at by from his be have has "
                     "are were not but they this which who will been had their an or its after".split())
ENGLISH_SHARE = 0.15
# the languages of most of the world's news outlets
NEWS_LANGS = frozenset("en fr de es it pt nl sv da no nb nn fi is pl cs sk sl hr sr bs hu ro bg mk ru uk be "
                       "lt lv et el tr az ka hy ar he fa ur hi bn mr ta te ml kn gu pa ne si th vi id ms tl "
                       "zh ja ko sw am af ca eu gl ga cy sq kk uz mn km lo my".split())


def detect_language(text: str, default: str = DEFAULT_LANG) -> str:
    """ISO 639-1 code of the language of ``text`` ("en", "fr", "zh", ...); ``default`` when the
    text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample)
    cjk = sum(1 for ch in sample if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    if len(words) < MIN_WORDS and cjk < MIN_WORDS:
        return default
    if sum(w.lower() in _ENGLISH for w in words) >= ENGLISH_SHARE * len(words):
        return "en"
    import py3langid

    with _LOCK:  # the model is loaded once, on first use
        lang, _ = py3langid.classify(sample)
    # tables of names and scores, or garbled text, come out as small languages ("an", "la", "qu"):
    # a language few outlets write in is taken for such a misreading
    return str(lang) if lang in NEWS_LANGS else default
