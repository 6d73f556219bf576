"""Data files cut short, planted or built to hurt: each opens with a message, the rest kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from backrun_tui.store import atomic_storage
from backrun_tui.store.repository import Store


@pytest.mark.parametrize("name", ["state.json", "live.json"])
def test_a_file_whose_first_stamp_was_cut_short_opens_as_new(tmp_path: Path, name: str) -> None:
    """A kill during the very first save could leave an empty meta table: nothing was in it,
    so it is a new file, not a foreign one."""
    (tmp_path / name).write_text('{"meta": {}}')
    store = Store.open(tmp_path)
    assert store.notes == []
    assert list(tmp_path.glob(f"{name}.damaged-*")) == []


def test_a_new_file_is_stamped_in_one_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[bytes] = []
    original = atomic_storage.write_atomically

    def counting(path: Path, payload: bytes) -> None:
        written.append(payload)
        original(path, payload)

    monkeypatch.setattr(atomic_storage, "write_atomically", counting)
    Store.open(tmp_path).close()
    assert len(written) == 2  # state.json and live.json, each whole in its first write
    assert all(b'"app":"backrun"' in payload for payload in written)
