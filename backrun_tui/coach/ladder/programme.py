"""The programme in a few lines, from the catalog, the runner's settings and the coach's rules
(for the help screen): never a number the coach does not use."""

from __future__ import annotations

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import PLAN_SIZE
from backrun_tui.coach.ladder.progression import SESSIONS_TO_PROMOTE, STREAK_BREAK
from backrun_tui.coach.ladder.retest import COOL_DOWN
from backrun_tui.coach.safety.triage import FLARE_UP_PAIN, GREEN_MAX
from backrun_tui.coach.settings import Settings

WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def in_words(number: int) -> str:
    return WORDS[number] if 0 <= number < len(WORDS) else str(number)


def programme_lines(catalog: Catalog, settings: Settings) -> list[str]:
    rungs, stretches = len(catalog.ladder()), len(catalog.stretches())
    return [
        f"{rungs} strength exercises, easiest first. Your plan is the first {in_words(PLAN_SIZE)} "
        "you can do slowly, without pain, with good form: "
        f"{settings.sets} sets of {settings.rep_low}-{settings.rep_high} reps "
        "(per side where it has sides).",
        f"{in_words(stretches).capitalize()} stretches before the strength work, any time, "
        "even daily.",
        "Painful or too hard: swapped at once for an easier one. A painful one rests "
        f"{COOL_DOWN.days} days, then is offered as a retest. Every set at "
        f"{settings.rep_high} with pain 0-{GREEN_MAX}, {in_words(SESSIONS_TO_PROMOTE)} sessions "
        f"running: one rung up (a break of over {STREAK_BREAK.days} days, or a new rep range, "
        "starts the count again).",
        f"Too easy: one rung up at once, once a session, if every set reached {settings.rep_low} "
        f"and pain is 0-{GREEN_MAX}. A move up that would pass over a rung you are not doing "
        "asks first.",
        f"Pain {FLARE_UP_PAIN} or more at the check, or in an exercise flagged painful: the "
        "stretches and the easiest exercises only, for the rest of that day.",
        "While your back hurts, keep your runs easy and relaxed.",
    ]
