"""The `backrun` command line: version, help, data folder, and friendly failures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backrun_tui.cli import main as cli
from backrun_tui.resources import catalog_path


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backrun_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )


def test_version_and_help() -> None:
    version = run_cli("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("backrun ")
    helped = run_cli("--help")
    assert helped.returncode == 0
    assert "--data-dir" in helped.stdout
    assert "never" in helped.stdout and "diagnoses" in helped.stdout


def test_data_dir_comes_from_the_flag_then_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BACKRUN_HOME", str(tmp_path / "from-env"))
    assert cli.default_data_dir() == tmp_path / "from-env"
    monkeypatch.delenv("BACKRUN_HOME")
    assert cli.default_data_dir().name == "backrun"


def test_a_newer_data_file_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    newer = '{"meta": {"1": {"app": "backrun", "schema": 999}}}'
    (tmp_path / "state.json").write_text(newer)
    result = run_cli("--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert "newer backrun" in result.stderr
    assert "state.json" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "state.json").read_text() == newer


def test_a_broken_catalog_names_the_file_and_entry(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(catalog_path().read_text())
    data["exercises"][4]["rep_range"] = [12, 8]
    broken = tmp_path / "catalog.json"
    broken.write_text(json.dumps(data))
    monkeypatch.setattr("backrun_tui.coach.ladder.catalog.catalog_path", lambda: broken)
    assert cli.main(["--data-dir", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert "catalog.json" in err
    assert "single-leg-bridge" in err
    assert not (tmp_path / "data").exists()  # nothing was written
