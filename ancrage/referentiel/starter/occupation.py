"""How a starter occupation is written."""

from typing import NamedTuple


class StarterOccupation(NamedTuple):
    code: str
    label: str
    # Other real ROME job titles; the occupation's label is the principal one.
    titles: tuple = ()
    # Space-separated keys of SKILLS.
    core: str = ""
    other: str = ""


Occ = StarterOccupation
