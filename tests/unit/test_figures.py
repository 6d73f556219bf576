"""The exercise figures without Textual: every exercise in the catalog has a pose that keeps to
a body's limits, a bad poses file is one plain sentence (and no figures), and each figure draws
as braille of the asked size and as well-formed SVG."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.figures import poses as poses_module
from backrun_tui.figures.body import joints, mirrored
from backrun_tui.figures.book import Book
from backrun_tui.figures.braille import render
from backrun_tui.figures.drawing import box_of, drawing, frames_for
from backrun_tui.figures.poses import PoseError, load_poses

CATALOG = load_catalog()
IDS = list(CATALOG.exercises)


def shipped() -> dict[str, Any]:
    return json.loads(poses_module.poses_path().read_text())


def written(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "poses.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def test_every_exercise_has_a_pose_of_two_to_four_keyframes() -> None:
    poses = load_poses(IDS)
    assert set(poses) == set(IDS)
    assert all(2 <= len(pose.frames) <= 4 for pose in poses.values())


def test_each_figure_draws_as_well_formed_svg_and_braille_of_its_size() -> None:
    book = Book(IDS)
    assert book.problem == ""
    for exercise_id in IDS:
        svg = book.svg(exercise_id, height=22, widest=64, title=CATALOG.get(exercise_id).name)
        root = ElementTree.fromstring(svg)  # raises on anything malformed
        assert root.tag.endswith("svg") and len(root.findall(".//{*}circle")) == 2  # two heads
        for side in (None, "L"):
            [start, top] = book.still(exercise_id, side, 20, 6)
            assert len(start) == 6 and all(
                len(chars) == len(layers) == 20 for chars, layers in start
            )
            assert start != top  # the movement shows
        assert len(book.loop(exercise_id, None, 28, 7)) >= 16  # in-betweens, for moving


def test_the_left_side_is_the_right_side_mirrored() -> None:
    pose = load_poses(IDS)["single-leg-bridge"]
    for frame in pose.frames:
        right, left = joints(frame), joints(mirrored(frame))
        assert left.head == pytest.approx((-right.head[0], right.head[1]))
        assert left.near_leg[1] == pytest.approx((-right.near_leg[1][0], right.near_leg[1][1]))
    assert frames_for(pose, "L")[0] == mirrored(pose.frames[0])


def test_a_lying_body_is_drawn_on_the_floor_line() -> None:
    pose = load_poses(IDS)["superman"]
    box = box_of(pose.frames)
    picture = render(drawing(pose.start), box, 28, 7)
    assert picture[-1][0].strip()  # the body lies on the bottom row


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d["poses"].pop("superman"), "no pose for superman"),
        (lambda d: d["poses"].update(jogging=d["poses"]["superman"]), "the catalog lacks: jogging"),
        (lambda d: d["poses"]["v-ups"]["frames"][0]["legs"][0].__setitem__(1, 175), "knee bends"),
        (lambda d: d["poses"]["superman"]["frames"][0].__setitem__("hip", [0, -0.5]), "floor"),
        (lambda d: d["poses"]["v-ups"]["frames"][1].__setitem__("floor", ["hands"]), "hands"),
        (lambda d: d["poses"]["cat-cow"].__setitem__("frames", []), "keyframes"),
        (lambda d: d["poses"]["cat-cow"]["frames"][0].__setitem__("trunk", "up"), "trunk"),
        (lambda d: d.__setitem__("schema", 2), "schema"),
    ],
)
def test_a_bad_poses_file_is_one_plain_sentence(tmp_path: Path, change: Any, said: str) -> None:
    data = shipped()
    change(data)
    with pytest.raises(PoseError, match=said):
        load_poses(IDS, written(tmp_path, data))


def test_an_unreadable_poses_file_leaves_the_book_empty_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(PoseError, match="not valid JSON"):
        load_poses(IDS, written(tmp_path, "{ not json"))
    monkeypatch.setattr(poses_module, "poses_path", lambda: tmp_path / "gone.json")
    book = Book(IDS)
    assert not book.has("superman")
    assert (
        book.problem
        == "No exercise figures: gone.json: file not found; restore it or reinstall backrun"
    )


def test_a_poses_file_that_is_not_utf8_is_said_plainly(tmp_path: Path) -> None:
    path = tmp_path / "poses.json"
    path.write_bytes(b'{"schema": 1, "poses": {\xe9')
    with pytest.raises(PoseError, match="poses.json: is not UTF-8 text; restore it or reinstall"):
        load_poses(IDS, path)
