"""The exercise catalog: the shipped file is complete, and every kind of mistake is explained."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from backrun_tui.coach.ladder.catalog import Catalog, CatalogError, load_catalog, parse_catalog
from backrun_tui.resources import catalog_path

LADDER = [
    ("superman", "Superman", "no"),
    ("beetle", "Beetle (Dead Bug)", "alternating"),
    ("single-leg-balance-reach", "Single Leg Balance & Reach", "sides"),
    ("high-plank-leg-lifts", "High Plank Leg Lifts", "alternating"),
    ("single-leg-bridge", "Single Leg Bridge", "sides"),
    ("side-plank-lifts", "Modified Low Side Plank Lifts", "sides"),
    ("quadruped-limb-raises", "Quadruped Limb Raises (Bird Dog)", "alternating"),
    ("superman-pull", "Superman Pull", "no"),
    ("single-leg-deadlift", "Single Leg Deadlift", "sides"),
    ("high-plank-limb-raises", "High Plank Limb Raises", "alternating"),
    ("v-ups", "V-Ups", "no"),
    ("single-leg-jump-squats", "Single Leg Jump Squats", "sides"),
]
OTHERS = {  # id: (kind, rung, sided)
    "single-leg-balance": ("variant", 3, "sides"),
    "single-leg-v-ups": ("variant", 11, "alternating"),
    "wall-lateral-pull-downs": ("addon", 8, "no"),
    "forward-jump-squats": ("alternative", 12, "no"),
    "cat-cow": ("stretch", None, "no"),
    "lying-figure-4": ("stretch", None, "sides"),
    "supine-twist": ("stretch", None, "sides"),
}

Data = dict[str, Any]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def shipped() -> Data:
    data: Data = json.loads(catalog_path().read_text(encoding="utf-8"))
    return data


def entry(data: Data, exercise_id: str) -> Data:
    found: Data = next(e for e in data["exercises"] if e["id"] == exercise_id)
    return found


def number_of(exercise_id: str) -> int:
    """1-based position of an entry in the shipped file, as error messages count."""
    ids = [e["id"] for e in shipped()["exercises"]]
    return ids.index(exercise_id) + 1


def error_for(tmp_path: Path, mutate: Callable[[Data], object]) -> str:
    data = shipped()
    mutate(data)
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    return str(caught.value)


# --- the shipped catalog ---------------------------------------------------------------------


def test_ladder_has_the_twelve_rungs_in_order(catalog: Catalog) -> None:
    ladder = catalog.ladder()
    assert [(e.id, e.name, e.sided) for e in ladder] == LADDER
    assert [e.rung for e in ladder] == list(range(1, 13))
    assert all(e.kind == "ladder" for e in ladder)


def test_catalog_holds_exactly_the_programme(catalog: Catalog) -> None:
    assert {e.id for e in catalog.all()} == {i for i, _, _ in LADDER} | set(OTHERS)
    assert len(catalog) == 19
    for exercise_id, (kind, rung, sided) in OTHERS.items():
        exercise = catalog.get(exercise_id)
        assert (exercise.kind, exercise.rung, exercise.sided) == (kind, rung, sided)
    assert catalog.get("wall-lateral-pull-downs").rung_label == "8b"


def test_strength_exercises_are_eight_to_twelve_reps(catalog: Catalog) -> None:
    for exercise in catalog.all():
        if not exercise.is_stretch:
            assert (exercise.dose, exercise.rep_range, exercise.hold_seconds) == (
                "reps",
                (8, 12),
                None,
            ), exercise.id


def test_stretches_in_catalog_order_with_their_doses(catalog: Catalog) -> None:
    cat_cow, figure_4, twist = catalog.stretches()
    assert (cat_cow.id, cat_cow.dose, cat_cow.rep_range) == ("cat-cow", "reps", (8, 10))
    assert (figure_4.name, figure_4.dose, figure_4.hold_seconds) == (
        "Lying Figure 4 Stretch",
        "hold",
        30,
    )
    assert (twist.id, twist.dose, twist.hold_seconds, twist.rep_range) == (
        "supine-twist",
        "hold",
        30,
        None,
    )


def test_links_between_exercises(catalog: Catalog) -> None:
    links = {e.id: (e.easier, e.harder, e.alternative) for e in catalog.all()}
    assert links["single-leg-balance-reach"][0] == "single-leg-balance"
    assert links["v-ups"][0] == "single-leg-v-ups"
    assert links["high-plank-limb-raises"][0] == "high-plank-leg-lifts"
    assert links["single-leg-jump-squats"][2] == "forward-jump-squats"
    assert links["single-leg-balance"][1] == "single-leg-balance-reach"
    assert links["single-leg-v-ups"][1] == "v-ups"
    with_easier = {i for i, (easier, _, _) in links.items() if easier}
    assert with_easier == {"single-leg-balance-reach", "v-ups", "high-plank-limb-raises"}


def test_cues_and_tips_are_short_lines(catalog: Catalog) -> None:
    for exercise in catalog.all():
        assert 2 <= len(exercise.cues) <= 4, exercise.id
        for line in (*exercise.cues, exercise.easier_tip, exercise.harder_tip):
            assert len(line) <= 70 and "\n" not in line, (exercise.id, line)


def test_get_and_contains(catalog: Catalog) -> None:
    assert "cat-cow" in catalog
    assert "cat-cows" not in catalog
    assert catalog.get("superman").name == "Superman"
    with pytest.raises(KeyError):
        catalog.get("cat-cows")


def test_coach_catalog_does_not_import_textual() -> None:
    code = "import sys, backrun_tui.coach.ladder.catalog; print('textual' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert result.stdout.strip() == "False"


# --- unusable files --------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.json"
    with pytest.raises(CatalogError, match="nowhere.json: file not found"):
        load_catalog(path)


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=f"{tmp_path.name}: cannot read the file"):
        load_catalog(tmp_path)  # a folder, not a file


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_bytes(b'{"schema": 1, "exercises": ["\xff"]}')
    with pytest.raises(CatalogError, match="catalog.json: is not UTF-8 text"):
        load_catalog(path)


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_text(catalog_path().read_text(encoding="utf-8"), encoding="utf-8-sig")
    assert len(load_catalog(path)) == 19


def test_invalid_json_says_where(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_text('{\n  "schema": 1,\n  "exercises": [,]\n}\n', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"catalog.json: not valid JSON at line 3, column 17"):
        load_catalog(path)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ([], "must hold one JSON object"),
        ({"exercises": []}, '"schema" must be 1 (found nothing)'),
        ({"schema": 2, "exercises": []}, '"schema" must be 1 (found 2)'),
        ({"schema": True, "exercises": []}, '"schema" must be 1 (found true)'),
        ({"schema": 1, "exercise": []}, 'unknown top-level field "exercise" (did you mean'),
        ({"schema": 1}, '"exercises" must be a list'),
        ({"schema": 1, "exercises": ["superman"]}, "entry 1: must be an object"),
    ],
)
def test_wrong_top_level(data: object, problem: str) -> None:
    with pytest.raises(CatalogError) as caught:
        parse_catalog(data, "my/catalog.json")
    assert str(caught.value).startswith("my/catalog.json: ")
    assert problem in str(caught.value)


# --- mistakes inside one entry ---------------------------------------------------------------


Change = Callable[[Data], object]


def set_(key: str, value: object) -> Change:
    return lambda raw: raw.__setitem__(key, value)


def drop(key: str) -> Change:
    return lambda raw: raw.pop(key)


def rename(old: str, new: str) -> Change:
    return lambda raw: raw.__setitem__(new, raw.pop(old))


def error_for_entry(tmp_path: Path, exercise_id: str, change: Change) -> str:
    return error_for(tmp_path, lambda data: change(entry(data, exercise_id)))


BRIDGE = "single-leg-bridge"
TWIST = "supine-twist"
RANGE_PROBLEM = '"rep_range" must be two whole numbers, low to high, e.g. [8, 12]'
HOLD_PROBLEM = '"hold_seconds" must be a whole number of seconds from 5 to 300'
CUES_PROBLEM = '"cues" must be a list of 2 to 4'
RUNG_PROBLEM = '"rung" must be a whole number from 1 to 12'

ENTRY_MISTAKES: list[tuple[str, Change, str]] = [
    (BRIDGE, drop("cues"), 'missing "cues"'),
    (BRIDGE, set_("name", 5), '"name" must be one line of text'),
    (BRIDGE, set_("name", "  "), '"name" must be one line of text'),
    (BRIDGE, rename("cues", "cue"), 'unknown field "cue" (did you mean "cues"?)'),
    (BRIDGE, set_("id", "Single Leg Bridge"), "lower-case words joined by hyphens"),
    (BRIDGE, set_("id", "superman"), '"id" is already used by entry 1'),
    (BRIDGE, set_("kind", "laddr"), '"kind" must be one of "ladder", "variant"'),
    (BRIDGE, set_("sided", "both"), '"sided" must be one of "no", "sides", "alternating"'),
    (BRIDGE, set_("dose", "time"), '"dose" must be one of "reps", "hold" (found "time")'),
    (BRIDGE, set_("rep_range", None), RANGE_PROBLEM),
    (BRIDGE, set_("rep_range", [12, 8]), RANGE_PROBLEM),
    (BRIDGE, set_("rep_range", [0, 12]), RANGE_PROBLEM),
    (BRIDGE, set_("rep_range", [8, 51]), RANGE_PROBLEM),
    (BRIDGE, set_("rep_range", [8.0, 12]), RANGE_PROBLEM),
    (BRIDGE, set_("rep_range", [8]), RANGE_PROBLEM),
    (BRIDGE, set_("hold_seconds", 30), '"hold_seconds" must be null when "dose" is "reps"'),
    (TWIST, set_("hold_seconds", None), HOLD_PROBLEM),
    (TWIST, set_("hold_seconds", 4), HOLD_PROBLEM),
    (TWIST, set_("hold_seconds", 301), HOLD_PROBLEM),
    (TWIST, set_("hold_seconds", "30"), HOLD_PROBLEM),
    (TWIST, set_("rep_range", [8, 12]), '"rep_range" must be null when "dose" is "hold"'),
    (BRIDGE, set_("cues", ["Only one"]), CUES_PROBLEM),
    (BRIDGE, set_("cues", ["a", "b", "c", "d", "e"]), CUES_PROBLEM),
    (BRIDGE, set_("cues", ["Lift", ""]), CUES_PROBLEM),
    (BRIDGE, set_("cues", "Lift, lower"), CUES_PROBLEM),
    (BRIDGE, set_("easier", "single-leg-bridges"), 'did you mean "single-leg-bridge"?'),
    (BRIDGE, set_("harder", "plank"), '"harder" names "plank", which is not in the catalog'),
    (BRIDGE, set_("alternative", BRIDGE), '"alternative" points to the entry itself'),
    (BRIDGE, set_("easier", 4), '"easier" must be the id of another exercise'),
    (BRIDGE, set_("harder_tip", "Two\nlines"), '"harder_tip" must be one line of text'),
    (BRIDGE, set_("rung", 4), 'ladder rung 4 is already taken by "high-plank-leg-lifts"'),
    (BRIDGE, set_("rung", 13), RUNG_PROBLEM),
    (BRIDGE, set_("rung", None), RUNG_PROBLEM),
    (BRIDGE, set_("rung", True), RUNG_PROBLEM),
    ("cat-cow", set_("rung", 1), '"rung" must be null for a stretch'),
    ("single-leg-v-ups", set_("rung", None), RUNG_PROBLEM + ' for a "variant" exercise'),
]


@pytest.mark.parametrize(("exercise_id", "change", "problem"), ENTRY_MISTAKES)
def test_entry_mistake_names_file_entry_and_problem(
    tmp_path: Path, exercise_id: str, change: Change, problem: str
) -> None:
    shown = entry(shipped(), exercise_id)
    change(shown)
    message = error_for_entry(tmp_path, exercise_id, change)
    where = f'catalog.json: entry {number_of(exercise_id)} ("{shown["id"]}"): '
    assert where in message
    assert problem in message
    assert "\n" not in message


def test_message_reads_as_one_friendly_line(tmp_path: Path) -> None:
    message = error_for_entry(tmp_path, BRIDGE, set_("rep_range", [8]))
    assert message == (
        f'{tmp_path / "catalog.json"}: entry 5 ("single-leg-bridge"): "rep_range" must be two '
        "whole numbers, low to high, e.g. [8, 12] (1-50)"
    )


def test_entry_without_usable_id_is_named_by_number(tmp_path: Path) -> None:
    message = error_for_entry(tmp_path, BRIDGE, drop("id"))
    assert message.endswith('catalog.json: entry 5: missing "id"')


def test_missing_ladder_rung_is_reported(tmp_path: Path) -> None:
    def drop_rung_seven(data: Data) -> None:
        data["exercises"].remove(entry(data, "quadruped-limb-raises"))

    message = error_for(tmp_path, drop_rung_seven)
    assert message.endswith(
        'catalog.json: the ladder needs one "ladder" entry for each rung 1 to 12; missing: 7'
    )


def test_parse_catalog_accepts_omitted_optional_fields() -> None:
    data = shipped()
    for raw in data["exercises"]:
        for key in ("easier", "harder", "alternative", "easier_tip", "harder_tip"):
            raw.pop(key)
    catalog = parse_catalog(data, "inline")
    assert catalog.get("superman").easier is None
    assert catalog.get("superman").harder_tip == ""
