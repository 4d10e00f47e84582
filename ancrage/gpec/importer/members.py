"""Finding the cluster's active member a row of the workbook speaks of: by
its SIREN, or by its name when the SIREN cell is empty."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ancrage.core.spreadsheets import FORMULA_STARTS
from ancrage.organisations.identifiers import clean_siren
from ancrage.organisations.models import Membership
from ancrage.referentiel.vocabulary import comparable


class NotFound(Exception):
    """The row names no active member, or several; `column` is the cell to blame."""

    def __init__(self, column, message):
        super().__init__(message)
        self.column = column


class Members:
    def __init__(self, cluster):
        self.cluster = cluster
        self.by_siren, self.by_name = {}, {}
        memberships = Membership.objects.active().filter(cluster=cluster)
        for organisation in (
            membership.organisation for membership in memberships.select_related("organisation")
        ):
            if organisation.siren:
                self.by_siren.setdefault(organisation.siren, []).append(organisation)
            self.by_name.setdefault(comparable(organisation.name), []).append(organisation)

    def find(self, siren, name):
        """The organisation, or NotFound."""
        if name.startswith("'") and name[1:].lstrip(" ").startswith(FORMULA_STARTS):
            name = name[1:]  # made inert by the template (`safe_text`)
        if siren:
            try:
                siren = clean_siren(siren)
            except ValidationError as error:
                raise NotFound("siren", error.messages[0]) from None
            found = self.by_siren.get(siren, [])
            if len(found) > 1 and name:
                found = [item for item in found if comparable(item.name) == comparable(name)]
            if len(found) == 1:
                return found[0]
            if found:
                raise NotFound(
                    "name",
                    _(
                        "Plusieurs adhérents ont le SIREN %(siren)s : écrivez le nom exact de "
                        "celui-ci dans la colonne « Adhérent »."
                    )
                    % {"siren": siren},
                )
            raise NotFound(
                "siren",
                _("Le SIREN %(siren)s n'est celui d'aucun adhérent actif de %(cluster)s.")
                % {"siren": siren, "cluster": self.cluster.name},
            )
        if not name:
            raise NotFound(
                "siren",
                _("Indiquez le SIREN de l'adhérent, ou son nom s'il n'a pas de SIREN."),
            )
        found = self.by_name.get(comparable(name), [])
        if len(found) == 1:
            return found[0]
        if found:
            raise NotFound(
                "name",
                _("Plusieurs adhérents s'appellent « %(name)s » : indiquez le SIREN de celui-ci.")
                % {"name": name[:100]},
            )
        raise NotFound(
            "name",
            _(
                "« %(name)s » n'est pas un adhérent actif de %(cluster)s (vérifiez le nom, "
                "ou donnez son SIREN)."
            )
            % {"name": name[:100], "cluster": self.cluster.name},
        )
