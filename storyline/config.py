"""One frozen Settings object: defaults < config file < environment < explicit arguments."""

from __future__ import annotations

import json
import math
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


_KINDS = {int: "whole number", float: "finite number", str: "string"}


def _coerce(name: str, raw: Any, typ: type, where: str = "") -> Any:
    """``raw`` (text from the environment, or a TOML/JSON value) as a ``typ`` setting; ConfigError naming
    ``where`` it came from (the setting's name when not given) when it is no such value: a fraction
    or a truth value for a count, a list or a table for anything, infinity or NaN for a number."""
    try:
        if raw is None or isinstance(raw, (bool, list, dict)):
            raise TypeError(type(raw).__name__)
        if typ is int:
            if isinstance(raw, float) and not raw.is_integer():
                raise ValueError(raw)
            return int(raw)
        if typ is float:
            value = float(raw)
            if not math.isfinite(value):
                raise ValueError(raw)
            return value
        return str(raw)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ConfigError(f"{where or f'setting {name!r}'}: {raw!r} is not a valid "
                          f"{_KINDS.get(typ, typ.__name__)}") from exc


def load_settings(config_file: str | os.PathLike[str] | None = None, **overrides: Any) -> Settings:
    """Build Settings from defaults, then a TOML/JSON file, then STORYLINE_* variables, then overrides.

    The file defaults to ``$STORYLINE_CONFIG`` or ``<user config dir>/storyline/config.toml`` if present.
    """
    types_ = {f.name: type(getattr(Settings(), f.name)) for f in fields(Settings)}
    values: dict[str, Any] = {}
    where: dict[str, str] = {}   # where each value came from, for an error about it
    path = config_file or os.environ.get("STORYLINE_CONFIG") or None   # (set but empty: no file)
    if path is None:
        candidate = Path(platformdirs.user_config_dir("storyline")) / "config.toml"
        # (os.path.exists: a default whose folder cannot be searched is no file, not a crash)
        path = candidate if os.path.exists(candidate) else None
    if path is not None:
        p = Path(path)
        try:
            raw = p.read_bytes()
            data = json.loads(raw) if p.suffix.lower() == ".json" else tomllib.loads(raw.decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"config file {p}: {exc}") from exc
        if not isinstance(data, dict):
            raise ConfigError(f"config file {p}: not an object of settings such as {{\"summary_words\": 80}} "
                              f"but {json.dumps(data)[:40]}")
        for k, v in data.items():
            if k not in types_:
                raise ConfigError(f"config file {p}: unknown setting {k!r} (known: {', '.join(types_)})")
            where[k] = f"config file {p}: setting {k!r}"
            values[k] = _coerce(k, v, types_[k], where[k])
    for name, typ in types_.items():
        env = os.environ.get(_ENV_PREFIX + name.upper())
        if env is not None:
            where[name] = f"setting {name!r} (${_ENV_PREFIX}{name.upper()})"
            values[name] = _coerce(name, env, typ, where[name])
    for k, v in overrides.items():
        if v is None:
            continue
        if k not in types_:
            raise ConfigError(f"unknown setting {k!r}")
        where[k] = f"setting {k!r}"
        values[k] = _coerce(k, v, types_[k])
    settings = replace(Settings(), **values)

    def refuse(name: str, why: str) -> ConfigError:
        return ConfigError(f"{where.get(name, f'setting {name!r}')}: {getattr(settings, name)!r} {why}")

    if settings.ner_mode not in ("accurate", "fast"):
        raise refuse("ner_mode", "is not one of accurate, fast")
    for name in _POSITIVE:
        if getattr(settings, name) <= 0:
            raise refuse(name, "must be above 0")
    for name in _NOT_NEGATIVE:
        if getattr(settings, name) < 0:
            raise refuse(name, "must not be below 0")
    for name in _FRACTIONS:
        if not 0 < getattr(settings, name) <= 1:
            raise refuse(name, "must be between 0 and 1")
    return settings


# settings a zero or negative value would silently break (an empty summary, every file over the limit)
_POSITIVE = ("summary_words", "max_article_bytes", "max_article_text_bytes", "story_window_days",
             "max_request_bytes")
_FRACTIONS = ("dedup_threshold", "story_threshold")  # similarity thresholds
_NOT_NEGATIVE = ("regroup_every", "keep_days")  # 0: never
