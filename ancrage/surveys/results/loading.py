"""The submitted responses of a campaign, with the invitee's segment fields,
in one query; the segment filter (size class, département, membership) read
from GET parameters; the response rate."""

import re
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from ancrage.organisations.models import SizeClass
from ancrage.surveys.models import Invitee, Response

DEPARTMENT = re.compile(r"^(\d{2}|2[AB]|9[78]\d)$")


@dataclass(frozen=True)
class Segment:
    size: str = ""
    department: str = ""
    member: str = ""  # "", "oui", "non"

    @classmethod
    def from_params(cls, params):
        """The segment the GET parameters ask for; an unknown value is ignored."""
        size = params.get("taille", "")
        department = params.get("departement", "").strip().upper()
        member = params.get("adherent", "")
        return cls(
            size=size if size in SizeClass.values else "",
            department=department if DEPARTMENT.match(department) else "",
            member=member if member in ("oui", "non") else "",
        )

    def __bool__(self):
        return bool(self.size or self.department or self.member)

    def invitee_filter(self, prefix=""):
        conditions = Q()
        if self.size:
            conditions &= Q(**{f"{prefix}size_class": self.size})
        if self.department:
            conditions &= Q(**{f"{prefix}commune__department__code": self.department})
        if self.member:
            conditions &= Q(**{f"{prefix}is_member": self.member == "oui"})
        return conditions

    @property
    def description(self):
        """The segment in words, for a report's cover: « PME · département 44 · adhérents »."""
        parts = []
        if self.size:
            parts.append(str(SizeClass(self.size).label))
        if self.department:
            parts.append(_("département %(code)s") % {"code": self.department})
        if self.member:
            parts.append(_("adhérents") if self.member == "oui" else _("non-adhérents"))
        return " · ".join(parts)

    @property
    def query_string(self):
        params = {"taille": self.size, "departement": self.department, "adherent": self.member}
        return urlencode({key: value for key, value in params.items() if value})


@dataclass(frozen=True)
class Respondent:
    """One submitted response: `key` identifies the organisation (its invitee)."""

    key: int
    response_id: int
    answers: dict


def respondents(campaign, segment=None):
    """The campaign's submitted responses in the segment, in one query."""
    segment = segment or Segment()
    rows = (
        Response.objects.filter(campaign=campaign, state=Response.State.SUBMITTED)
        .filter(segment.invitee_filter("invitee__"))
        .order_by("pk")
        .values_list("invitee_id", "pk", "answers")
    )
    return [
        Respondent(key, pk, answers if isinstance(answers, dict) else {})
        for key, pk, answers in rows
    ]


def rate(campaign, segment=None):
    """Invited, started and submitted in the segment, in one query."""
    segment = segment or Segment()
    counts = (
        Invitee.objects.filter(campaign=campaign)
        .filter(segment.invitee_filter())
        .aggregate(
            invited=Count("pk"),
            started=Count("response"),
            submitted=Count("response", filter=Q(response__state=Response.State.SUBMITTED)),
        )
    )
    counts["percent"] = (
        round(100 * counts["submitted"] / counts["invited"], 1) if counts["invited"] else None
    )
    return counts


def department_choices(campaign):
    """The départements of the campaign's invitees: (code, name)."""
    return list(
        Invitee.objects.filter(campaign=campaign, commune__isnull=False)
        .values_list("commune__department__code", "commune__department__name")
        .distinct()
        .order_by("commune__department__code")
    )
