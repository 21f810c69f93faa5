"""storyline's exceptions.

    StorylineError                  everything storyline raises on purpose
    ├── InputError                  one input (file, line, record) cannot be read; names it and why
    │   ├── InputWarning            something in an input left aside, nothing failed
    │   └── NotAnArticle            an input read well that holds no article (an empty page, a notice)
    ├── StoreError                  the database cannot be opened, migrated or written
    └── ConfigError                 a setting has a wrong value
"""

from __future__ import annotations

__all__ = ["StorylineError", "InputError", "InputWarning", "NotAnArticle", "StoreError", "ConfigError"]


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""


class InputError(StorylineError):
    """An input could not be turned into an article. ``where`` names it (path, path:line, ...)."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class InputWarning(InputError):
    """Something in an input was left aside, nothing failed: a folder's files that are not named like
    articles. Reported as a warning; an ingest that meets only these succeeds."""


class NotAnArticle(InputError):
    """An input read well that holds no article: an empty file or page, a record with an empty text, a
    site's notice to its reader (a cookie wall, a web archive's note: ``ingest.notices``), a section
    page of other pages' headlines. Left aside and counted apart from the inputs that failed: an
    ingest that meets only these besides its articles succeeds."""


class StoreError(StorylineError):
    """The store could not be opened, migrated or written."""


class StoreBusy(StoreError):
    """Another writer holds the store, and the write was asked not to wait for it."""


class ConfigError(StorylineError):
    """A setting has a value storyline cannot use."""
