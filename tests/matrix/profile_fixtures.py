"""Helpers of the matrix profile tests: a cluster vocabulary, and the POST
data of the profile form."""

from ancrage.matrix import profiles
from ancrage.organisations.models import Membership
from ancrage.referentiel.factories import VocabularyEntryFactory
from ancrage.referentiel.models import Activity, Market


class Vocabulary:
    """Two occupations and three skills of `cluster`'s own."""

    def __init__(self, cluster):
        self.machinist = VocabularyEntryFactory(
            cluster=cluster, occupation=None, label="Usineur mécanique"
        )
        self.design = VocabularyEntryFactory(
            cluster=cluster, occupation=None, label="Bureau d'études"
        )
        self.small_parts, self.composite, self.welding = (
            VocabularyEntryFactory(
                cluster=cluster, kind="skill", occupation=None, skill=None, label=label
            )
            for label in ("Petit usinage", "Composite", "Soudage TIG")
        )


def activity(slug):
    return Activity.objects.get(slug=slug)


def market(slug):
    return Market.objects.get(slug=slug)


def membership_of_a(cast):
    return Membership.objects.get(cluster=cast.cluster_a, organisation__name="Usinage Alpha")


def profile_data(
    profile,
    occupation=None,
    occupation_comment="",
    skills=(),
    activities=(),
    markets=(),
    certifications="",
    **extra,
):
    """POST data of the profile form. `skills`, `activities`, `markets`:
    items or (item, comment) pairs."""
    data = {
        "version": profiles.version_of(profile),
        "occupation": str(occupation.pk) if occupation else "",
        "occupation_code": str(occupation.pk) if occupation else "",
        "occupation_comment": occupation_comment,
        "skills": "",
        "certifications": certifications,
    }
    for axis, items, code_name in (
        ("skills", skills, "skills_code"),
        ("activities", activities, "activities"),
        ("markets", markets, "markets"),
    ):
        data[code_name] = []
        for item in items:
            item, comment = item if isinstance(item, tuple) else (item, "")
            data[code_name].append(str(item.pk))
            if comment:
                data[f"{axis}_comment_{item.pk}"] = comment
    data.update(extra)
    return data
