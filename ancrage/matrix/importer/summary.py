"""What an import did, kept in its audit entry and told in French."""

from dataclasses import dataclass, field

from django.utils.translation import ngettext

LISTED_LINES = 30


@dataclass
class Summary:
    created: list = field(default_factory=list)  # lines of the rows
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    added: list = field(default_factory=list)  # [(kind label, label)] added to the vocabulary

    def as_details(self):
        return {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "skipped": self.skipped,
            "added": [list(pair) for pair in self.added],
        }


def _french(count):
    """The count for ngettext: French writes 0 in the singular (« 0 inchangé »)."""
    return 1 if count <= 1 else count


def lines(details):
    """The summary of an import (its audit details) in French sentences."""
    created, updated, unchanged = (
        details.get("created", 0),
        details.get("updated", 0),
        details.get("unchanged", 0),
    )
    found = [
        ngettext("%(count)s adhérent créé", "%(count)s adhérents créés", _french(created))
        % {"count": created}
        + ", "
        + ngettext("%(count)s mis à jour", "%(count)s mis à jour", _french(updated))
        % {"count": updated}
        + ", "
        + ngettext("%(count)s inchangé", "%(count)s inchangés", _french(unchanged))
        % {"count": unchanged}
        + "."
    ]
    added = details.get("added", [])
    if added:
        found.append(
            ngettext(
                "%(count)s élément ajouté au vocabulaire du cluster : %(items)s.",
                "%(count)s éléments ajoutés au vocabulaire du cluster : %(items)s.",
                _french(len(added)),
            )
            % {
                "count": len(added),
                "items": ", ".join(f"« {label} » ({kind})" for kind, label in added),
            }
        )
    skipped = details.get("skipped", [])
    if skipped:
        shown = ", ".join(str(line) for line in skipped[:LISTED_LINES])
        if len(skipped) > LISTED_LINES:
            shown += ", …"
        found.append(
            ngettext(
                "%(count)s ligne en erreur ignorée (ligne %(lines)s).",
                "%(count)s lignes en erreur ignorées (lignes %(lines)s).",
                _french(len(skipped)),
            )
            % {"count": len(skipped), "lines": shown}
        )
    return found
