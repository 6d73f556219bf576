"""The Exercise record: one entry of the catalog, as the coach sees it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["ladder", "variant", "addon", "alternative", "stretch"]
Sided = Literal["no", "sides", "alternating"]
Dose = Literal["reps", "hold"]

KINDS: tuple[Kind, ...] = ("ladder", "variant", "addon", "alternative", "stretch")
SIDED: tuple[Sided, ...] = ("no", "sides", "alternating")
DOSES: tuple[Dose, ...] = ("reps", "hold")


@dataclass(frozen=True)
class Exercise:
    """One exercise of the programme.

    kind:   "ladder" for the 12 rungs; "variant" for an easier form of a rung (Single Leg Balance,
            Single Leg V-Ups); "addon" for Wall Lateral Pull-Downs (upper-back pain);
            "alternative" for Forward Jump Squats (outdoors); "stretch" for the three stretches.
    rung:   1-12 on the ladder. Variants, the add-on and the alternative carry the rung they sit
            beside (so "the next easier rung" can be found from them); stretches have None.
    sided:  "no"; "sides" = do the set on the left, then on the right; "alternating" = alternate
            sides within one set, reps counted per side.
    dose:   "reps" (count taps within rep_range) or "hold" (count down hold_seconds per side).
    easier: id of the exercise to swap to when this one is painful or too hard, if any.
    harder: id of the exercise this one grows into (variants point back to their rung), if any.
    alternative: id of an outdoor alternative, if any.
    easier_tip / harder_tip: one line on making it easier / harder without swapping.
    hard:   one of the hardest rungs (jumps, V-Ups): kept away from the day before a long run
            and the last days before a race.
    """

    id: str
    name: str
    kind: Kind
    rung: int | None
    sided: Sided
    dose: Dose
    rep_range: tuple[int, int] | None
    hold_seconds: int | None
    cues: tuple[str, ...]
    easier: str | None = None
    harder: str | None = None
    alternative: str | None = None
    easier_tip: str = ""
    harder_tip: str = ""
    hard: bool = False

    @property
    def is_stretch(self) -> bool:
        return self.kind == "stretch"

    @property
    def is_hold(self) -> bool:
        return self.dose == "hold"

    @property
    def rung_label(self) -> str:
        """ "3", "8b" for the add-on, "" for stretches."""
        if self.rung is None:
            return ""
        return f"{self.rung}b" if self.kind == "addon" else str(self.rung)
