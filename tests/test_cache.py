"""The cache of validated datasets: the same models as a fresh load, never stale."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from digituki_cli import cache
from digituki_cli.load import load_dataset, load_path
from digituki_cli.model import to_jsonable

from .test_load import _bundled_text, _write


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DIGITUKI_CACHE_DIR", str(folder))
    load_dataset.cache_clear()
    yield folder
    load_dataset.cache_clear()


def test_cached_models_equal_a_fresh_load(tmp_path: Path, cache_dir: Path) -> None:
    path = _write(tmp_path, _bundled_text())
    first = load_dataset(path)
    assert first.cold_seconds is not None
    assert len(list(cache_dir.glob("*.pickle"))) == 1
    load_dataset.cache_clear()
    second = load_dataset(path)
    assert second.cold_seconds is None  # served from the cache
    fresh, _ = load_path(path)
    assert second.dataset == fresh
    assert to_jsonable(second.dataset) == to_jsonable(fresh)


def test_a_changed_file_is_never_served_stale(tmp_path: Path, cache_dir: Path) -> None:
    path = _write(tmp_path, _bundled_text())
    load_dataset(path)
    load_dataset.cache_clear()
    path.write_text(
        _bundled_text().replace("- Eksote", "- Eksote\n  - Uusi nimi"), encoding="utf-8"
    )
    changed = load_dataset(path)
    assert changed.cold_seconds is not None
    assert "Uusi nimi" in changed.dataset.region("etela-karjala").aliases


def test_a_corrupted_cache_falls_back_to_a_clean_load(tmp_path: Path, cache_dir: Path) -> None:
    path = _write(tmp_path, _bundled_text())
    load_dataset(path)
    [entry] = cache_dir.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    load_dataset.cache_clear()
    again = load_dataset(path)
    assert again.cold_seconds is not None
    assert len(again.dataset.regions) == 24


def test_a_cache_file_others_can_write_is_not_trusted(tmp_path: Path, cache_dir: Path) -> None:
    path = _write(tmp_path, _bundled_text())
    load_dataset(path)
    [entry] = cache_dir.glob("*.pickle")
    os.chmod(entry, 0o666)
    load_dataset.cache_clear()
    assert load_dataset(path).cold_seconds is not None
    # Written again through the one atomic writer, for this user only: trusted once more.
    assert entry.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in cache_dir.iterdir()] == [entry.name]  # no temporary file left
    load_dataset.cache_clear()
    assert load_dataset(path).cold_seconds is None


def test_an_invalid_file_is_never_cached(tmp_path: Path, cache_dir: Path) -> None:
    from digituki_cli.errors import DataError

    path = _write(tmp_path, "regions: 1\n")
    with pytest.raises(DataError):
        load_dataset(path)
    assert not list(cache_dir.glob("*.pickle")) if cache_dir.exists() else True


def test_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGITUKI_NO_CACHE", "1")
    assert cache.cache_dir() is None
    load_dataset.cache_clear()
    path = _write(tmp_path, _bundled_text())
    assert load_dataset(path).cold_seconds is not None
    load_dataset.cache_clear()
    assert load_dataset(path).cold_seconds is not None


def test_unwritable_cache_folder_only_costs_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("DIGITUKI_CACHE_DIR", str(blocker / "sub"))
    load_dataset.cache_clear()
    assert len(load_dataset(_write(tmp_path, _bundled_text())).dataset.regions) == 24
    load_dataset.cache_clear()
