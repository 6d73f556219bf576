"""The everyday activities (PSFS) as the coach reads and keeps them, and as the store keeps
them: answers checked, names kept readable, renamed and retired activities keeping their scores."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backrun_tui.coach.outcomes.psfs import (
    ASK_EVERY,
    ActivityAnswer,
    AnswerProblem,
    Psfs,
    answer_message,
    answered,
    change_words,
    clean_name,
    due,
    new_scores,
    read_rows,
    skipped,
)
from backrun_tui.store.repository import Store

NOW = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)  # and two weeks on, both in the past


def first_answers() -> Psfs:
    rows = [(None, "Run 30 minutes easy", "4"), (None, "put on socks", "6"), (None, "", "")]
    return answered(Psfs(), read_rows(Psfs(), rows), NOW)


def test_the_first_answers_name_new_activities_with_their_scores() -> None:
    psfs = first_answers()
    assert [(a.id, a.name) for a in psfs.active] == [
        ("a1", "Run 30 minutes easy"),
        ("a2", "put on socks"),
    ]
    assert [(s.activity_id, s.score) for s in psfs.latest] == [("a1", 4), ("a2", 6)]
    assert psfs.first == psfs.latest
    assert psfs.asked == NOW
    assert not due(psfs, NOW + ASK_EVERY - timedelta(minutes=1))
    assert due(psfs, NOW + ASK_EVERY)


def test_a_rename_keeps_the_activity_and_its_first_score() -> None:
    psfs = first_answers()
    later = NOW + ASK_EVERY
    rows = [("a1", "Run 30 min easy on the flat", "7"), ("a2", "put on socks", "6")]
    after = answered(psfs, read_rows(psfs, rows), later)
    assert after.name_of("a1") == "Run 30 min easy on the flat"
    first = after.first_of("a1")
    latest = after.latest_of("a1")
    assert first is not None and first.score == 4 and first.at == NOW
    assert latest is not None and latest.score == 7 and latest.at == later
    assert "3 points better than at first (a change that matters)" in answer_message(psfs, after)
    assert len(new_scores(psfs, after)) == 2


def test_an_emptied_name_retires_the_activity_and_keeps_its_scores() -> None:
    psfs = first_answers()
    rows = [("a1", "Run 30 minutes easy", "5"), ("a2", "  ", ""), (None, "sit an hour", "3")]
    after = answered(psfs, read_rows(psfs, rows), NOW + ASK_EVERY)
    assert [a.id for a in after.active] == ["a1", "a3"]
    assert after.name_of("a2") == "put on socks"  # still known, for its past scores
    assert after.latest_of("a2") is not None
    assert "No longer asked (past scores kept): put on socks." in answer_message(psfs, after)


@pytest.mark.parametrize(
    ("rows", "row", "field"),
    [
        ([(None, "run", "")], 0, "score"),
        ([(None, "run", "11")], 0, "score"),
        ([(None, "run", "x")], 0, "score"),
        ([(None, "", "5")], 0, "name"),
        ([(None, "run", "2"), (None, "RUN", "3")], 1, "name"),
        ([(None, "r" * 61, "3")], 0, "name"),
        ([(None, "", ""), (None, "", "")], 0, "name"),
    ],
)
def test_a_row_that_cannot_be_kept_says_which_and_why(
    rows: list[tuple[str | None, str, str]], row: int, field: str
) -> None:
    with pytest.raises(AnswerProblem) as problem:
        read_rows(Psfs(), rows)
    assert (problem.value.row, problem.value.field) == (row, field)
    assert str(problem.value)


def test_a_name_is_kept_readable() -> None:
    assert clean_name("  run\x1b[31m   downhill\t ") == "run [31m downhill"


def test_never_more_than_five_activities_are_asked() -> None:
    answers = tuple(ActivityAnswer(None, f"thing {n}", 5) for n in range(7))
    after = answered(Psfs(), answers, NOW)
    assert len(after.active) == 5
    assert len(after.latest) == 5


def test_a_skip_asks_again_in_two_weeks_and_keeps_everything() -> None:
    psfs = first_answers()
    later = skipped(psfs, NOW + ASK_EVERY)
    assert later.activities == psfs.activities and later.latest == psfs.latest
    assert not due(later, NOW + ASK_EVERY + timedelta(days=13))


def test_change_words_draw_the_two_point_line() -> None:
    assert change_words(4, 5) == "1 point better than at first"
    assert change_words(6, 4) == "2 points harder than at first (a change that matters)"
    assert change_words(3, 3) == "the same as at first"


def test_the_store_keeps_the_scale_and_every_score(tmp_path: Path) -> None:
    psfs = first_answers()
    later = answered(psfs, read_rows(psfs, [("a1", "Run 30 minutes easy", "6")]), NOW + ASK_EVERY)
    store = Store.open(tmp_path)
    store.save_psfs(psfs, new_scores(Psfs(), psfs))
    store.save_psfs(later, new_scores(psfs, later))
    store.save_psfs(later, new_scores(psfs, later))  # repeated after a failed save: kept once
    store.close()
    again = Store.open(tmp_path)
    assert again.load_psfs() == later
    assert [(s.activity_id, s.score) for s in again.psfs_scores()] == [
        ("a1", 4),
        ("a2", 6),
        ("a1", 6),
    ]
    assert not again.notes


def test_a_damaged_scale_is_set_aside_and_said(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    store.save_psfs(first_answers(), ())
    store.close()
    state = tmp_path / "state.json"
    doc = json.loads(state.read_text())
    doc["psfs"]["1"]["latest"][0]["score"] = 14  # impossible
    state.write_text(json.dumps(doc))
    again = Store.open(tmp_path)
    assert again.load_psfs() == Psfs()
    assert any("could not be used" in note and "score" in note for note in again.notes)
    assert list(tmp_path.glob("state*set-aside*.json"))


def test_every_report_carries_the_activities_then_and_now(tmp_path: Path) -> None:
    from backrun_tui.coach.ladder.catalog import load_catalog
    from backrun_tui.report.export import export

    psfs = first_answers()
    later = answered(psfs, read_rows(psfs, [("a1", "Run 30 minutes easy", "7")]), NOW + ASK_EVERY)
    store = Store.open(tmp_path)
    store.save_psfs(psfs, new_scores(Psfs(), psfs))
    store.save_psfs(later, new_scores(psfs, later))
    now = NOW + 2 * ASK_EVERY
    change = "3 points better than at first (a change that matters)"
    markdown = export(store, load_catalog(), "markdown", now)
    assert (
        f"| Run 30 minutes easy | 4/10 (01 Oct 2026) | 7/10 (15 Oct 2026) | {change} |" in markdown
    )
    assert "| put on socks | 6/10 (01 Oct 2026) | 6/10 (01 Oct 2026) | once |" in markdown
    html = export(store, load_catalog(), "html", now)
    assert "Everyday activities (Patient-Specific Functional Scale)" in html and change in html
    document = json.loads(export(store, load_catalog(), "json", now))
    assert [s["score"] for s in document["activity_scores"]] == [4, 6, 7]
    assert document["everyday_activities"]["activities"][0]["name"] == "Run 30 minutes easy"
    store.close()
