"""Validated datasets cached between runs, so that a run need not parse and validate again.

The key is the dataset file's content plus a fingerprint of the code that defines the
models, so an edited file or model is never served stale. A cache file is trusted only if
it is this user's own and writable by no one else (the same trust as Python's __pycache__);
a file that cannot be read back, for whatever reason, is ignored and the dataset is loaded
afresh. Set DIGITUKI_CACHE_DIR to move the cache, or to an empty string to turn it off.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .model import SCHEMA_VERSION, Dataset

CACHE_ENV = "DIGITUKI_CACHE_DIR"
KEEP_FILES = 8
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
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "digituki"


def key_for(raw: bytes) -> str:
    digest = hashlib.sha256(f"{__version__}:{SCHEMA_VERSION}:".encode())
    package = Path(__file__).parent
    for name in _CODE_FILES:
        digest.update((package / name).read_bytes())
    digest.update(raw)
    return digest.hexdigest()


def read(key: str) -> Dataset | None:
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
                dataset = pickle.load(handle)
    except Exception:
        return None
    return dataset if isinstance(dataset, Dataset) else None


def write(key: str, dataset: Dataset) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            pickle.dump(dataset, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, folder / f"{key}.pickle")
        _prune(folder)
    except Exception:
        return


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[KEEP_FILES:]:
        stale.unlink(missing_ok=True)
