"""The symptom check: turns today's answers into advice; it advises, it never diagnoses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from backrun_tui.coach.safety.red_flags import (
    BOTH_LEGS,
    RED_FLAGS,
    RED_FLAGS_BY_ID,
    SHOULDER_BLADE_PAIN,
    FlagGroup,
    RedFlag,
    flags_in,
)

__all__ = [
    "RED_FLAGS",
    "FlagGroup",
    "Legs",
    "Outcome",
    "PainZone",
    "RedFlag",
    "SymptomReport",
    "TriageResult",
    "Where",
    "flags_in",
    "pain_zone",
    "triage",
]

PainZone = Literal["green", "amber", "red"]
Where = Literal["lower", "upper", "both"]
Legs = Literal["none", "one", "both"]
Outcome = Literal["urgent", "doctor_soon", "flare_up", "go"]

PAIN_MIN = 0
PAIN_MAX = 10
GREEN_MAX = 3  # the last pain level of the green zone
FLARE_UP_PAIN = 6  # the first pain level of the red zone
SEVERE_PAIN = 8  # from here on: stretches and gentle movement only, no strength, no running

HEADLINES: dict[Outcome, str] = {
    "urgent": "Some of your answers need checking by a doctor today, so please get help now.",
    "doctor_soon": "Some of your answers should be checked by a doctor in the next few days.",
    "flare_up": "Your back is sore today, so keep the session light and gentle.",
    "go": "You are good to train today.",
}

ADVICE_URGENT: tuple[str, ...] = (
    "Get emergency care now: call your emergency number or go to A&E (the emergency department).",
    "Do no training today.",
)
ADVICE_DOCTOR_SOON: tuple[str, ...] = (
    "See a doctor soon, within the next few days, and tell them what you ticked.",
    "No strength work until a doctor has checked you.",
    "Gentle stretches are fine, but only if they feel comfortable.",
)
ADVICE_FLARE_UP: tuple[str, ...] = (
    "Today: the stretches and the easiest exercises only, done gently.",
    "Stop anything that makes the pain worse.",
)
ADVICE_SEVERE: tuple[str, ...] = (
    "Today: only the stretches and gentle movement, such as a short easy walk, and only if "
    "they feel comfortable.",
    "No strength work and no running today.",
    "If pain this severe does not ease within a day or two, contact a doctor.",
)
HEADLINE_SEVERE = "Your pain is severe today, so rest it: stretches and gentle movement only."
ADVICE_GO = "Train as planned: slowly, without pain, with good form."
ADVICE_AMBER = "Your pain is moderate, so train gently and stop anything that pushes it up."
ADVICE_POSTURE_WAIT = (
    "Running posture tips wait until a doctor has checked the pain between your shoulder blades."
)

RUNNING_URGENT = "No running until a doctor has checked you."
RUNNING_DOCTOR_SOON = "Hold off running until a doctor has checked you."
RUNNING_SEVERE = "No running today: let severe pain settle first."
RUNNING_EASY = "While your back hurts, keep to easy, relaxed runs, and stop if the pain gets worse."
RUNNING_PAIN_FREE = (
    "Your back is pain-free today: run as planned, and ease off to easy, relaxed runs if it "
    "starts to hurt."
)
SCIATICA_NOTE = (
    "Pain, tingling or numbness down one leg can have several causes, an irritated nerve in the "
    "lower back (sciatica) among them; a doctor or physiotherapist can check which it is. It "
    "often settles within a few weeks. See a doctor if it is getting worse, the leg feels weak, "
    "or it has not eased after a few weeks. Get help now if both legs are affected or you have "
    "numbness around your bottom or genitals."
)

POSTURE_CUES: tuple[str, ...] = (
    "Run tall: head up and level, not pushed forward.",
    "Keep your arms relaxed and swinging low.",
    "Let your shoulders drop, away from your ears.",
    "Check these again when you get tired, as that is when they slip.",
)

DOCTOR_NOTE_ONE_LEG = (
    "Book a routine doctor visit if the pain spreading down your leg is not getting better."
)
DOCTOR_NOTE_ROUTINE = (
    "Book a routine doctor visit, as back pain that is not improving or is getting in the way "
    "of daily life should be checked."
)
DOCTOR_NOTE_BOTH = (
    "Book a routine doctor visit, as back pain that is not improving, is getting in the way of "
    "daily life, or spreads down your leg should be checked."
)


def pain_zone(pain: int) -> PainZone:
    """Return the zone of a 0-10 pain score: 0-3 green, 4-5 amber, 6-10 red."""
    _check_pain(pain)
    if pain <= GREEN_MAX:
        return "green"
    if pain <= 5:
        return "amber"
    return "red"


def _check_pain(pain: object) -> None:
    if isinstance(pain, bool) or not isinstance(pain, int):
        raise ValueError(f"pain must be a whole number from 0 to 10, not {pain!r}")
    if not PAIN_MIN <= pain <= PAIN_MAX:
        raise ValueError(f"pain must be from 0 to 10, not {pain}")


@dataclass(frozen=True)
class SymptomReport:
    """Today's answers to the symptom check.

    pain:  0-10 on the numeric scale.
    where: which part of the back hurts.
    legs:  whether pain, tingling or numbness spreads into the legs.
    flags: ids of the red-flag questions answered "yes".
    """

    pain: int
    where: Where
    legs: Legs
    flags: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        _check_pain(self.pain)
        if self.where not in get_args(Where):
            raise ValueError(f"where must be one of {get_args(Where)}, not {self.where!r}")
        if self.legs not in get_args(Legs):
            raise ValueError(f"legs must be one of {get_args(Legs)}, not {self.legs!r}")
        if isinstance(self.flags, str):
            raise ValueError("flags must be a set of red-flag ids, not a single string")
        flags = frozenset(self.flags)
        unknown = sorted(flag for flag in flags if flag not in RED_FLAGS_BY_ID)
        if unknown:
            raise ValueError(f"unknown red-flag ids: {', '.join(map(repr, unknown))}")
        object.__setattr__(self, "flags", flags)


@dataclass(frozen=True)
class TriageResult:
    """What the coach advises after the symptom check.

    headline:       one plain sentence summing up the outcome.
    advice:         what to do now, one line each.
    running_advice: always present; how (or whether) to run.
    posture_cues:   running-posture cues for upper-back pain, or empty.
    reasons:        the answers that drove the outcome, in plain words.
    severe:         pain 8-10 on a flare-up day: stretches and gentle movement only.
    doctor_note:    a routine doctor-visit line, or "" if none.
    sciatica_note:  what pain down one leg is and when to see a doctor, or "" if none.
    """

    outcome: Outcome
    headline: str
    advice: tuple[str, ...]
    running_advice: str
    posture_cues: tuple[str, ...]
    add_upper_back_exercise: bool
    allows_strength: bool
    allows_stretches: bool
    flare_up: bool
    reasons: tuple[str, ...]
    doctor_note: str
    sciatica_note: str = ""
    severe: bool = False


def _ticked(report: SymptomReport, group: FlagGroup) -> tuple[RedFlag, ...]:
    return tuple(flag for flag in flags_in(group) if flag.id in report.flags)


def _outcome_and_reasons(report: SymptomReport) -> tuple[Outcome, tuple[str, ...]]:
    urgent = list(_ticked(report, "urgent"))
    if report.legs == "both" and BOTH_LEGS not in report.flags:
        urgent.insert(0, RED_FLAGS_BY_ID[BOTH_LEGS])
    if urgent:
        return "urgent", tuple(flag.question for flag in urgent)
    soon = _ticked(report, "soon")
    if soon:
        return "doctor_soon", tuple(flag.question for flag in soon)
    if report.pain >= FLARE_UP_PAIN:
        return "flare_up", (f"Pain {report.pain}/10 today",)
    return "go", ()


def _doctor_note(report: SymptomReport, outcome: Outcome) -> str:
    if outcome in ("urgent", "doctor_soon"):
        return ""  # the stronger advice already sends the runner to a doctor
    routine = bool(_ticked(report, "routine"))
    one_leg = report.legs == "one"
    if routine and one_leg:
        return DOCTOR_NOTE_BOTH
    if routine:
        return DOCTOR_NOTE_ROUTINE
    if one_leg:
        return DOCTOR_NOTE_ONE_LEG
    return ""


def triage(report: SymptomReport) -> TriageResult:
    """Turn a symptom report into today's advice.

    Urgent flags (or symptoms in both legs) beat "see a doctor soon" flags, which beat a
    flare-up (pain 6+; at 8+ severe: stretches and gentle movement only), which beats a
    normal training day.
    """
    outcome, reasons = _outcome_and_reasons(report)
    severe = outcome == "flare_up" and report.pain >= SEVERE_PAIN
    allows_strength = outcome in ("go", "flare_up") and not severe
    upper = report.where in ("upper", "both")

    if outcome == "urgent":
        advice = ADVICE_URGENT
    elif outcome == "doctor_soon":
        advice = ADVICE_DOCTOR_SOON
    elif severe:
        advice = ADVICE_SEVERE
    elif outcome == "flare_up":
        advice = ADVICE_FLARE_UP
    elif pain_zone(report.pain) == "amber":
        advice = (ADVICE_GO, ADVICE_AMBER)
    else:
        advice = (ADVICE_GO,)

    posture_cues: tuple[str, ...] = ()
    if upper and outcome != "urgent":
        if SHOULDER_BLADE_PAIN in report.flags:
            advice = (*advice, ADVICE_POSTURE_WAIT)
        else:
            posture_cues = POSTURE_CUES

    return TriageResult(
        outcome=outcome,
        headline=HEADLINE_SEVERE if severe else HEADLINES[outcome],
        advice=advice,
        running_advice=_running_advice(report, outcome),
        posture_cues=posture_cues,
        add_upper_back_exercise=upper and allows_strength,
        allows_strength=allows_strength,
        allows_stretches=outcome != "urgent",
        flare_up=outcome == "flare_up",
        reasons=reasons,
        doctor_note=_doctor_note(report, outcome),
        sciatica_note=SCIATICA_NOTE if report.legs == "one" and outcome != "urgent" else "",
        severe=severe,
    )


def _running_advice(report: SymptomReport, outcome: Outcome) -> str:
    """Running advice that agrees with the rest of the day's advice."""
    if outcome == "urgent":
        return RUNNING_URGENT
    if outcome == "doctor_soon":
        return RUNNING_DOCTOR_SOON
    if report.pain >= SEVERE_PAIN:
        return RUNNING_SEVERE
    return RUNNING_PAIN_FREE if report.pain == 0 else RUNNING_EASY
