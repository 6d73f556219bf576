"""Tests for the symptom check (coach.triage): outcomes, advice and validation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from backrun_tui.coach.safety.red_flags import BOTH_LEGS, SHOULDER_BLADE_PAIN
from backrun_tui.coach.safety.triage import (
    ADVICE_AMBER,
    ADVICE_POSTURE_WAIT,
    DOCTOR_NOTE_BOTH,
    DOCTOR_NOTE_ONE_LEG,
    DOCTOR_NOTE_ROUTINE,
    POSTURE_CUES,
    RED_FLAGS,
    RUNNING_URGENT,
    Outcome,
    RedFlag,
    SymptomReport,
    TriageResult,
    flags_in,
    pain_zone,
    triage,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
GROUP_OUTCOME: dict[str, Outcome] = {"urgent": "urgent", "soon": "doctor_soon", "routine": "go"}
FIRST_URGENT = flags_in("urgent")[0].id
FIRST_SOON = flags_in("soon")[0].id
FIRST_ROUTINE = flags_in("routine")[0].id


def check(
    pain: int = 2, where: Any = "lower", legs: Any = "none", flags: frozenset[str] = frozenset()
) -> TriageResult:
    return triage(SymptomReport(pain=pain, where=where, legs=legs, flags=flags))


# --- the red-flag list -------------------------------------------------------------------------


def test_red_flag_ids_are_unique_snake_case_and_questions_short() -> None:
    ids = [flag.id for flag in RED_FLAGS]
    assert len(ids) == len(set(ids))
    for flag in RED_FLAGS:
        assert flag.id.isidentifier() and flag.id == flag.id.lower()
        assert 0 < len(flag.question) <= 70
        assert not flag.question.endswith("?")


def test_groups_cover_the_domain_lists() -> None:
    assert len(flags_in("urgent")) == 8
    assert len(flags_in("soon")) == 8
    assert len(flags_in("routine")) == 2
    assert sum(len(flags_in(g)) for g in ("urgent", "soon", "routine")) == len(RED_FLAGS)


def test_flags_in_rejects_unknown_group() -> None:
    with pytest.raises(ValueError):
        flags_in("later")  # type: ignore[arg-type]


@pytest.mark.parametrize("flag", RED_FLAGS, ids=lambda flag: flag.id)
def test_each_flag_alone_gives_its_groups_outcome(flag: RedFlag) -> None:
    result = check(flags=frozenset({flag.id}))
    assert result.outcome == GROUP_OUTCOME[flag.group]
    if flag.group == "routine":
        assert result.doctor_note == DOCTOR_NOTE_ROUTINE
        assert result.reasons == ()
    else:
        assert result.reasons == (flag.question,)
        assert result.doctor_note == ""


# --- legs ---------------------------------------------------------------------------------------


def test_symptoms_in_both_legs_are_urgent_even_unticked() -> None:
    result = check(legs="both")
    assert result.outcome == "urgent"
    both_legs = next(flag for flag in RED_FLAGS if flag.id == BOTH_LEGS)
    assert result.reasons == (both_legs.question,)


def test_both_legs_answer_and_ticked_flag_give_one_reason() -> None:
    result = check(legs="both", flags=frozenset({BOTH_LEGS}))
    assert result.outcome == "urgent"
    assert len(result.reasons) == 1


def test_one_leg_keeps_training_with_a_doctor_note() -> None:
    result = check(legs="one")
    assert result.outcome == "go"
    assert result.allows_strength
    assert result.doctor_note == DOCTOR_NOTE_ONE_LEG


def test_one_leg_and_routine_flag_give_a_combined_note() -> None:
    result = check(legs="one", flags=frozenset({FIRST_ROUTINE}))
    assert result.doctor_note == DOCTOR_NOTE_BOTH


def test_one_leg_during_a_flare_up_still_gets_the_note() -> None:
    result = check(pain=8, legs="one")
    assert result.outcome == "flare_up"
    assert result.doctor_note == DOCTOR_NOTE_ONE_LEG


def test_no_routine_note_beside_emergency_advice() -> None:
    result = check(legs="one", flags=frozenset({FIRST_URGENT, FIRST_ROUTINE}))
    assert result.outcome == "urgent"
    assert result.doctor_note == ""


# --- pain levels --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pain", "zone", "outcome"),
    [(p, "green", "go") for p in range(4)]
    + [(p, "amber", "go") for p in (4, 5)]
    + [(p, "red", "flare_up") for p in range(6, 11)],
)
def test_every_pain_level_without_flags(pain: int, zone: str, outcome: Outcome) -> None:
    assert pain_zone(pain) == zone
    result = check(pain=pain)
    assert result.outcome == outcome
    assert result.flare_up is (outcome == "flare_up")
    assert result.allows_stretches
    assert result.allows_strength is (pain < 8)  # 8-10: stretches and gentle movement only
    assert (ADVICE_AMBER in result.advice) is (zone == "amber")
    if outcome == "flare_up":
        assert result.reasons == (f"Pain {pain}/10 today",)
    else:
        assert result.reasons == ()


@pytest.mark.parametrize("pain", [-1, 11, 100])
def test_pain_zone_rejects_out_of_range(pain: int) -> None:
    with pytest.raises(ValueError):
        pain_zone(pain)


# --- priority -----------------------------------------------------------------------------------


def test_urgent_beats_soon_beats_flare_up() -> None:
    everything = frozenset({FIRST_URGENT, FIRST_SOON, FIRST_ROUTINE})
    assert check(pain=9, flags=everything).outcome == "urgent"
    assert check(pain=9, flags=frozenset({FIRST_SOON, FIRST_ROUTINE})).outcome == "doctor_soon"
    assert check(pain=9, flags=frozenset({FIRST_ROUTINE})).outcome == "flare_up"


def test_urgent_reasons_list_only_the_urgent_answers() -> None:
    result = check(pain=9, flags=frozenset({FIRST_URGENT, FIRST_SOON}))
    assert result.reasons == (flags_in("urgent")[0].question,)


def test_doctor_soon_allows_gentle_stretches_but_no_strength() -> None:
    result = check(flags=frozenset({FIRST_SOON}))
    assert not result.allows_strength
    assert result.allows_stretches
    assert not result.flare_up


# --- what every result carries -----------------------------------------------------------------

ALL_REPORTS = [
    SymptomReport(pain=pain, where=where, legs=legs, flags=flags)
    for pain in (0, 4, 7)
    for where in ("lower", "upper", "both")
    for legs in ("none", "one", "both")
    for flags in (
        frozenset(),
        frozenset({FIRST_SOON}),
        frozenset({SHOULDER_BLADE_PAIN}),
        frozenset({FIRST_URGENT}),
        frozenset({FIRST_ROUTINE}),
    )
]


@pytest.mark.parametrize("report", ALL_REPORTS)
def test_every_result_is_complete_and_consistent(report: SymptomReport) -> None:
    result = triage(report)
    assert result.headline and result.advice and result.running_advice
    assert result.add_upper_back_exercise is (
        result.allows_strength and report.where in ("upper", "both")
    )
    assert result.allows_strength is (result.outcome in ("go", "flare_up") and report.pain < 8)
    assert result.allows_stretches is (result.outcome != "urgent")
    if result.outcome == "urgent":
        assert result.running_advice == RUNNING_URGENT
        assert not result.allows_strength and not result.allows_stretches
        assert result.posture_cues == ()
    else:
        assert result.running_advice != RUNNING_URGENT
    if result.outcome in ("urgent", "doctor_soon"):  # the advice agrees with itself
        assert "easy, relaxed runs" not in result.running_advice
        assert "until a doctor has checked you" in result.running_advice
    if report.pain == 0:
        assert "while your back hurts" not in result.running_advice.lower()
    assert bool(result.sciatica_note) is (report.legs == "one" and result.outcome != "urgent")


@pytest.mark.parametrize("pain", [8, 9, 10])
def test_severe_pain_is_stretches_and_gentle_movement_only(pain: int) -> None:
    result = check(pain=pain, where="both")
    assert result.severe and not result.allows_strength and result.allows_stretches
    assert not result.add_upper_back_exercise
    assert "no running" in result.running_advice.lower()
    assert "easy, relaxed runs" not in result.running_advice
    assert any("within a day or two, contact a doctor" in line for line in result.advice)


def test_flare_up_below_severe_keeps_the_gentle_session() -> None:
    result = check(pain=7)
    assert result.flare_up and result.allows_strength and not result.severe
    assert "easy, relaxed runs" in result.running_advice


def test_the_one_leg_note_says_what_it_can_be_and_who_checks() -> None:
    note = check(legs="one").sciatica_note
    assert "usually comes from" not in note
    assert "a doctor or physiotherapist can check" in note


def test_pain_down_one_leg_gets_a_sciatica_note() -> None:
    result = check(legs="one")
    assert "sciatica" in result.sciatica_note
    assert "See a doctor if it is getting worse" in result.sciatica_note


def test_urgent_advice_sends_to_emergency_care() -> None:
    result = check(flags=frozenset({FIRST_URGENT}))
    assert any("emergency" in line.lower() for line in result.advice)
    assert "no running" in result.running_advice.lower()


# --- posture ------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["upper", "both"])
def test_upper_back_pain_gets_posture_cues_and_the_add_on(where: str) -> None:
    result = check(where=where)
    assert result.posture_cues == POSTURE_CUES
    assert result.add_upper_back_exercise
    assert ADVICE_POSTURE_WAIT not in result.advice


def test_lower_back_pain_gets_no_posture_cues() -> None:
    result = check(where="lower")
    assert result.posture_cues == ()
    assert not result.add_upper_back_exercise


@pytest.mark.parametrize("where", ["upper", "both"])
def test_posture_tips_wait_when_shoulder_blades_hurt(where: str) -> None:
    result = check(where=where, flags=frozenset({SHOULDER_BLADE_PAIN}))
    assert result.outcome == "doctor_soon"
    assert result.posture_cues == ()
    assert ADVICE_POSTURE_WAIT in result.advice
    assert not result.add_upper_back_exercise


# --- validation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"pain": -1},
        {"pain": 11},
        {"pain": 3.5},
        {"pain": True},
        {"where": "neck"},
        {"legs": "two"},
        {"flags": frozenset({"not_a_flag"})},
        {"flags": "chest_pain"},
    ],
)
def test_invalid_reports_raise(fields: dict[str, Any]) -> None:
    values: dict[str, Any] = {"pain": 2, "where": "lower", "legs": "none", "flags": frozenset()}
    values.update(fields)
    with pytest.raises(ValueError):
        SymptomReport(**values)


def test_report_accepts_a_plain_set_and_freezes_it() -> None:
    report = SymptomReport(pain=2, where="lower", legs="none", flags={FIRST_SOON})  # type: ignore[arg-type]
    assert report.flags == frozenset({FIRST_SOON})
    assert isinstance(report.flags, frozenset)


# --- no Textual in the coach --------------------------------------------------------------------


def test_importing_triage_does_not_import_textual() -> None:
    code = (
        "import sys, backrun_tui.coach.safety.triage\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=True)
