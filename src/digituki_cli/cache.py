"""Validated datasets cached between runs, so that a run need not parse and validate again.

The key is the dataset file's content plus a fingerprint of the code that defines the
models, so an edited file or model is never served stale. A cache file is trusted only if
it is this user's own and writable by no one else (the same trust as Python's __pycache__);
a file that cannot be read back, for whatever reason, is ignored and the dataset is loaded
afresh. Set DIGITUKI_CACHE_DIR to move the cache, DIGITUKI_NO_CACHE=1 to turn it off.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from . import __version__
from .model import SCHEMA_VERSION, Dataset

CACHE_ENV = "DIGITUKI_CACHE_DIR"
NO_CACHE_ENV = "DIGITUKI_NO_CACHE"
KEEP_FILES = 8
T = TypeVar("T")
# The code that decides what a valid, loaded dataset is: a change to any of it makes new keys.
_CODE_FILES = ("model.py", "vocabulary.py", "load.py", "validation.py", "checks.py", "sources.py")


@contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage collection while building a large tree of new objects: the collector
    would scan them again and again (unpickling 10,000 regions: 1.9 s with it, 0.8 s
    without)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cache_dir() -> Path | None:
    """The cache folder: DIGITUKI_CACHE_DIR, else the user's cache folder; None if
    DIGITUKI_NO_CACHE is set (not empty: an empty variable counts as unset)."""
    if os.environ.get(NO_CACHE_ENV):
        return None
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "digituki"


def key_for(raw: bytes) -> str:
    """The cache key of a dataset file's bytes: a SHA-256 hex digest (64 characters) of the
    digituki version, the schema version, the code that validates and the bytes, so that a
    change to any of them misses the cache."""
    digest = hashlib.sha256(f"{__version__}:{SCHEMA_VERSION}:".encode())
    package = Path(__file__).parent
    for name in _CODE_FILES:
        digest.update((package / name).read_bytes())
    digest.update(raw)
    return digest.hexdigest()


def read(key: str) -> Dataset | None:
    """The validated Dataset cached under `key`; None if there is none, or it cannot be
    trusted or read (never raises)."""
    return read_value(key, Dataset)


def read_value(key: str, kind: type[T]) -> T | None:
    """The value cached under `key` if it is a `kind`; None if there is none, or it cannot
    be trusted or read."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{key}.pickle"
    try:
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            with gc_paused():
                value = pickle.load(handle)
    except Exception:
        return None
    return value if isinstance(value, kind) else None


def write(key: str, value: object) -> None:
    """Cache a value (a dataset, or what search derived from one) under `key` (atomically,
    readable by this user only); a cache that cannot be written is no error, the next run
    loads afresh."""
    from .files import write_atomic

    folder = cache_dir()
    if folder is None:
        return

    def fill(path: Path) -> None:
        with path.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(folder / f"{key}.pickle", fill, force=True, mode=0o600)
        _prune(folder)
    except Exception:
        return


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[KEEP_FILES:]:
        stale.unlink(missing_ok=True)
