"""The red-flag questions of the symptom check, grouped by how soon a doctor should see them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FlagGroup = Literal["urgent", "soon", "routine"]

FLAG_GROUPS: tuple[FlagGroup, ...] = ("urgent", "soon", "routine")

BOTH_LEGS = "both_legs"
SHOULDER_BLADE_PAIN = "shoulder_blade_pain"


@dataclass(frozen=True)
class RedFlag:
    """One yes/no question of the symptom check.

    id:       stable snake_case id, stored in a SymptomReport.
    group:    "urgent" (emergency care now), "soon" (see a doctor within days) or
              "routine" (book a routine visit; training goes on gently).
    question: short label shown beside a checkbox, in plain words.
    """

    id: str
    group: FlagGroup
    question: str


RED_FLAGS: tuple[RedFlag, ...] = (
    # Urgent: emergency care now, no training.
    RedFlag(BOTH_LEGS, "urgent", "Pain, tingling, weakness or numbness in both legs"),
    RedFlag(
        "leg_weakness", "urgent", "Severe or worsening leg weakness or numbness, or trouble walking"
    ),
    RedFlag(
        "saddle_numbness", "urgent", "Numbness around the genitals, buttocks, anus or inner thighs"
    ),
    RedFlag(
        "bladder_bowel", "urgent", "New trouble peeing, or losing control of bladder or bowels"
    ),
    RedFlag("sexual_function", "urgent", "New problems with sexual function"),
    RedFlag("chest_pain", "urgent", "Chest pain"),
    RedFlag("serious_fall", "urgent", "The pain started after a serious fall or accident"),
    RedFlag("unwell_fever", "urgent", "Feeling very unwell, with a fever"),
    # Soon: see a doctor within days, no strength work until checked.
    RedFlag("high_temperature", "soon", "A high temperature"),
    RedFlag("weight_loss", "soon", "Losing weight without a reason"),
    RedFlag("back_lump", "soon", "A lump, swelling or change in the shape of your back"),
    RedFlag("rest_night_pain", "soon", "Pain that does not ease with rest, or is worse at night"),
    RedFlag("cough_strain_pain", "soon", "Pain worse when coughing, sneezing or straining"),
    RedFlag(SHOULDER_BLADE_PAIN, "soon", "Pain between the shoulder blades"),
    RedFlag(
        "medical_history", "soon", "Past cancer, long-term steroids, osteoporosis or weak immunity"
    ),
    RedFlag("new_pain_age", "soon", "This back pain is new and you are under 20 or over 50"),
    # Routine: book a routine doctor visit, training goes on gently.
    RedFlag("not_improving", "routine", "No better after a few weeks"),
    RedFlag("worse_or_limiting", "routine", "Getting worse, or stopping you doing everyday things"),
)

RED_FLAGS_BY_ID: dict[str, RedFlag] = {flag.id: flag for flag in RED_FLAGS}


def flags_in(group: FlagGroup) -> tuple[RedFlag, ...]:
    """Return the red flags of one group, in the order they are asked."""
    if group not in FLAG_GROUPS:
        raise ValueError(f"unknown red-flag group: {group!r}")
    return tuple(flag for flag in RED_FLAGS if flag.group == group)
