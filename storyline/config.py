"""One frozen Settings object: defaults < config file < environment < explicit arguments."""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from .errors import ConfigError

__all__ = ["Settings", "load_settings", "default_db_path"]


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("storyline")) / "storyline.db"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = ""
    summary_words: int = 100
    max_article_bytes: int = 20_000_000      # one input file read as one article (.txt, .html, .json)
    max_article_text_bytes: int = 1_000_000  # one article's text, from any source (file, line, item, POST)
    dedup_threshold: float = 0.45
    story_threshold: float = 0.2
    story_window_days: int = 730
    ner_mode: str = "accurate"
    token: str = ""
    read_token: str = ""
    max_request_bytes: int = 10_000_000
    regroup_every: float = 0.0               # seconds between regroups while watching feeds (0: never)
    keep_days: float = 0.0                   # forget articles published this many days ago at each scheduled
    #                                          regroup (daily when regroup_every is 0); 0: keep every article
    dask: str = ""                           # analyses and briefs on Dask: "local", "local:N" or a scheduler
    #                                          address (storyline.distributed); "": in this process

    def text_limit(self) -> int:
        """The per-article text limit in UTF-8 bytes, whatever the source: ``max_article_text_bytes``,
        or ``max_article_bytes`` when that is lower (no article is larger than its file may be)."""
        return min(self.max_article_text_bytes, self.max_article_bytes)

    def db_path(self) -> Path:
        return Path(self.db) if self.db else default_db_path()


_ENV_PREFIX = "STORYLINE_"


def _coerce(name: str, raw: Any, typ: type) -> Any:
    try:
        if typ is int:
            return int(raw)
        if typ is float:
            return float(raw)
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: {raw!r} is not a valid {typ.__name__}") from exc


def load_settings(config_file: str | os.PathLike[str] | None = None, **overrides: Any) -> Settings:
    """Build Settings from defaults, then a TOML/JSON file, then STORYLINE_* variables, then overrides.

    The file defaults to ``$STORYLINE_CONFIG`` or ``<user config dir>/storyline/config.toml`` if present.
    """
    types_ = {f.name: type(getattr(Settings(), f.name)) for f in fields(Settings)}
    values: dict[str, Any] = {}
    path = config_file or os.environ.get("STORYLINE_CONFIG")
    if path is None:
        candidate = Path(platformdirs.user_config_dir("storyline")) / "config.toml"
        # (os.path.exists: a default whose folder cannot be searched is no file, not a crash)
        path = candidate if os.path.exists(candidate) else None
    if path is not None:
        p = Path(path)
        try:
            raw = p.read_bytes()
            data = json.loads(raw) if p.suffix == ".json" else tomllib.loads(raw.decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"config file {p}: {exc}") from exc
        for k, v in data.items():
            if k not in types_:
                raise ConfigError(f"config file {p}: unknown setting {k!r} (known: {', '.join(types_)})")
            values[k] = _coerce(k, v, types_[k])
    for name, typ in types_.items():
        env = os.environ.get(_ENV_PREFIX + name.upper())
        if env is not None:
            values[name] = _coerce(name, env, typ)
    for k, v in overrides.items():
        if v is None:
            continue
        if k not in types_:
            raise ConfigError(f"unknown setting {k!r}")
        values[k] = _coerce(k, v, types_[k])
    settings = replace(Settings(), **values)
    if settings.ner_mode not in ("accurate", "fast"):
        raise ConfigError(f"setting 'ner_mode': {settings.ner_mode!r} is not one of accurate, fast")
    for name in _POSITIVE:
        if getattr(settings, name) <= 0:
            raise ConfigError(f"setting {name!r}: {getattr(settings, name)!r} must be above 0")
    for name in _NOT_NEGATIVE:
        if getattr(settings, name) < 0:
            raise ConfigError(f"setting {name!r}: {getattr(settings, name)!r} must not be below 0")
    for name in _FRACTIONS:
        if not 0 < getattr(settings, name) <= 1:
            raise ConfigError(f"setting {name!r}: {getattr(settings, name)!r} must be between 0 and 1")
    return settings


# settings a zero or negative value would silently break (an empty summary, every file over the limit)
_POSITIVE = ("summary_words", "max_article_bytes", "max_article_text_bytes", "story_window_days",
             "max_request_bytes")
_FRACTIONS = ("dedup_threshold", "story_threshold")  # similarity thresholds
_NOT_NEGATIVE = ("regroup_every", "keep_days")  # 0: never
