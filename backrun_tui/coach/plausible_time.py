"""Whether a recorded time can be true: nothing that happened is dated ahead of the clock."""

from __future__ import annotations

from datetime import datetime, timedelta

# How far ahead of this computer's clock a recorded time may be (a clock put right, a trip
# across time zones) before the record is taken as impossible.
CLOCK_SLACK = timedelta(days=1)


def in_the_future(moment: datetime, now: datetime) -> bool:
    """True when `moment` (aware) is further ahead of `now` than a clock's error explains."""
    return moment > now + CLOCK_SLACK
