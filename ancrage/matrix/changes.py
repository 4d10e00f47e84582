"""What differs between two contents of a matrix profile: for the audit log
(what a save changed), the proposal screen (what accepting it will do) and
the stale-form warning."""

from dataclasses import dataclass, field


@dataclass
class AxisChanges:
    """The changes of one axis: items added or removed (label, comment), and
    items kept whose comment changed (label, before, after)."""

    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    comments: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.added or self.removed or self.comments)

    def as_json(self):
        return {
            "added": [label for label, _comment in self.added],
            "removed": [label for label, _comment in self.removed],
            "comments": [label for label, _before, _after in self.comments],
        }


@dataclass
class Changes:
    occupation: tuple | None = None  # (before, after) labels
    occupation_comment: tuple | None = None  # (before, after)
    skills: AxisChanges = field(default_factory=AxisChanges)
    activities: AxisChanges = field(default_factory=AxisChanges)
    markets: AxisChanges = field(default_factory=AxisChanges)
    certifications: AxisChanges = field(default_factory=AxisChanges)

    def __bool__(self):
        return any(
            (
                self.occupation,
                self.occupation_comment,
                self.skills,
                self.activities,
                self.markets,
                self.certifications,
            )
        )

    def axes(self):
        """(name, changes) of the list axes, in the order they are shown."""
        return [
            ("skills", self.skills),
            ("activities", self.activities),
            ("markets", self.markets),
            ("certifications", self.certifications),
        ]

    def as_json(self):
        """A summary for the audit log: labels only, no free comments."""
        summary = {}
        if self.occupation:
            summary["occupation"] = list(self.occupation)
        if self.occupation_comment:
            summary["occupation_comment"] = True
        for name, axis in self.axes():
            if axis:
                summary[name] = axis.as_json()
        return summary


def _label(item):
    return item.display_label if hasattr(item, "display_label") else str(item)


def _axis(before, after):
    old = {item.pk: (item, comment) for item, comment in before}
    new = {item.pk: (item, comment) for item, comment in after}
    changes = AxisChanges()
    for pk, (item, comment) in new.items():
        if pk not in old:
            changes.added.append((_label(item), comment))
        elif old[pk][1] != comment:
            changes.comments.append((_label(item), old[pk][1], comment))
    for pk, (item, comment) in old.items():
        if pk not in new:
            changes.removed.append((_label(item), comment))
    return changes


def _certifications(before, after):
    old = {value.casefold(): value for value in before}
    new = {value.casefold(): value for value in after}
    return AxisChanges(
        added=[(value, "") for key, value in new.items() if key not in old],
        removed=[(value, "") for key, value in old.items() if key not in new],
    )


def between(before, after):
    """The `Changes` that turn the content `before` into `after`."""
    changes = Changes(
        skills=_axis(before.skills, after.skills),
        activities=_axis(before.activities, after.activities),
        markets=_axis(before.markets, after.markets),
        certifications=_certifications(before.certifications, after.certifications),
    )
    old_pk = before.occupation.pk if before.occupation else None
    new_pk = after.occupation.pk if after.occupation else None
    if old_pk != new_pk:
        changes.occupation = (
            _label(before.occupation) if before.occupation else "",
            _label(after.occupation) if after.occupation else "",
        )
    if before.occupation_comment != after.occupation_comment:
        changes.occupation_comment = (before.occupation_comment, after.occupation_comment)
    return changes
