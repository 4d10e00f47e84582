"""Importing the non-members of the filière a campaign invites, from an XLSX
file: one organisation per row (name, email, SIREN, commune, headcount).

Every row is checked first and every bad row reported with its line number;
nothing is imported unless the whole file is right. An organisation found on
the platform by its SIREN is linked (and counted as a member when it is an
active member of the campaign's cluster); one already invited is a
duplicate, as is an address already invited or repeated in the file."""

import io
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from ancrage.matrix.importer.communes import Communes
from ancrage.matrix.importer.reading import FileRefused, read_table
from ancrage.organisations.identifiers import clean_siren
from ancrage.organisations.models import Membership, Organisation, SizeClass
from ancrage.surveys.models import Invitee

MAX_ROWS = 5000
# (key, title in the template, words that recognise the column's title)
COLUMNS = [
    ("name", gettext_lazy("Organisation"), ("organisation", "raison sociale", "nom")),
    ("email", gettext_lazy("Adresse e-mail"), ("mail", "courriel", "adresse")),
    ("siren", gettext_lazy("SIREN (facultatif)"), ("siren",)),
    ("commune", gettext_lazy("Commune (code INSEE, code postal ou nom)"), ("commune", "ville")),
    ("headcount", gettext_lazy("Effectif (facultatif)"), ("effectif",)),
]
EXAMPLE = ["Forges du Blavet (exemple)", "contact@forges-du-blavet.example", "", "Lorient", "35"]


@dataclass
class Problem:
    line: int | None  # None: the whole file
    message: str


@dataclass
class Report:
    invitees: list = field(default_factory=list)  # unsaved Invitee rows
    problems: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems and bool(self.invitees)


def template_xlsx():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Destinataires")
    sheet.append([str(title) for _key, title, _words in COLUMNS])
    sheet.append(EXAMPLE)
    for index, cell in enumerate(sheet[1]):
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(len(str(cell.value)), 24) + 2
        if COLUMNS[index][0] in ("siren", "commune"):
            for row in range(1, MAX_ROWS + 2):
                sheet.cell(row=row, column=index + 1).number_format = "@"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _plain(text):
    decomposed = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(decomposed.lower().split())


def _positions(header):
    """{column key: index} of the columns the header names."""
    positions = {}
    for index, title in enumerate(header):
        plain = _plain(title)
        # The most specific words first: « Commune (… ou nom) » is no name.
        for key, _title, words in reversed(COLUMNS):
            if key not in positions and any(word in plain for word in words):
                positions[key] = index
                break
    return positions


def _read(data):
    """(rows [(line, {key: text})], problems), or FileRefused."""
    if not (data[:4] in (b"PK\x03\x04", b"PK\x05\x06") or not data.strip()):
        raise FileRefused(
            _("Ce fichier n'est pas un classeur Excel (.xlsx) : partez du modèle de fichier.")
        )
    table = read_table(data)
    positions = _positions(table.header)
    missing = [str(title) for key, title, _w in COLUMNS[:2] if key not in positions]
    if missing:
        raise FileRefused(
            _("Colonne(s) introuvable(s) : %(columns)s. Partez du modèle de fichier.")
            % {"columns": ", ".join(missing)}
        )
    if len(table.rows) > MAX_ROWS:
        raise FileRefused(
            _("Le fichier compte %(count)s lignes : %(max)s au plus par import.")
            % {"count": len(table.rows), "max": MAX_ROWS}
        )
    rows = [
        (
            line,
            {
                key: (cells[index] if index < len(cells) else "").strip()
                for key, index in positions.items()
            },
        )
        for line, cells in table.rows
    ]
    problems = [Problem(problem.line, problem.message) for problem in table.problems]
    return rows, problems


def check(campaign, data):
    """The invitees the file would create, or its problems."""
    report = Report()
    try:
        rows, report.problems = _read(data)
    except FileRefused as refused:
        report.problems = [Problem(None, str(refused))]
        return report
    invited_emails = {
        email.lower()
        for email in campaign.invitees.exclude(email="").values_list("email", flat=True)
    }
    invited_orgs = set(
        campaign.invitees.filter(organisation__isnull=False).values_list(
            "organisation_id", flat=True
        )
    )
    sirens = _sirens(rows)
    # Only organisations this cluster knows (members, past or present) are
    # linked: another cluster's member stays a non-member known by its
    # address, so nothing it answers is written in that organisation's name.
    organisations = {
        org.siren: org
        for org in Organisation.objects.filter(
            siren__in=sirens.values(), memberships__cluster_id=campaign.cluster_id
        )
        .distinct()
        .select_related("commune")
    }
    members = set(
        Membership.objects.active()
        .filter(cluster_id=campaign.cluster_id, organisation__in=organisations.values())
        .values_list("organisation_id", flat=True)
    )
    communes = Communes()
    communes.preload(values["commune"] for _line, values in rows if values.get("commune"))
    seen_emails, seen_orgs = {}, {}
    for line, values in rows:
        errors = []
        name = values.get("name", "")
        if not name:
            errors.append(_("le nom de l'organisation est vide"))
        elif len(name) > 250:
            errors.append(_("le nom de l'organisation dépasse 250 caractères"))
        email = values.get("email", "").lower()
        errors += _email_errors(email, invited_emails, seen_emails, line)
        organisation, siren_errors = _organisation(values, sirens, organisations)
        errors += siren_errors
        if organisation is not None:
            if organisation.pk in invited_orgs:
                errors.append(
                    _("%(name)s (SIREN %(siren)s) est déjà invitée à cette campagne")
                    % {"name": organisation.name, "siren": organisation.siren}
                )
            elif organisation.pk in seen_orgs:
                errors.append(
                    _("le SIREN %(siren)s figure déjà ligne %(line)s")
                    % {"siren": organisation.siren, "line": seen_orgs[organisation.pk]}
                )
            seen_orgs.setdefault(organisation.pk, line)
        commune = None
        if values.get("commune"):
            try:
                commune = communes.resolve(values["commune"])
            except ValidationError as error:
                errors.append(" ".join(error.messages))
        headcount, headcount_errors = _headcount(values.get("headcount", ""))
        errors += headcount_errors
        if errors:
            report.problems.append(Problem(line, " ; ".join(str(e) for e in errors)))
            continue
        report.invitees.append(
            Invitee(
                campaign=campaign,
                organisation=organisation,
                name=name,
                email=email,
                siren=organisation.siren if organisation else sirens.get(line, ""),
                is_member=organisation is not None and organisation.pk in members,
                size_class=SizeClass.for_headcount(headcount)
                if headcount is not None
                else (organisation.size_class if organisation else ""),
                commune=commune or (organisation.commune if organisation else None),
            )
        )
    if not rows and not report.problems:
        report.problems.append(Problem(None, _("Le fichier ne contient aucune organisation.")))
    report.problems.sort(key=lambda problem: problem.line or 0)
    return report


def _sirens(rows):
    """{line: SIREN} of the rows with a valid SIREN."""
    found = {}
    for line, values in rows:
        try:
            siren = clean_siren(values.get("siren", ""))
        except ValidationError:
            continue
        if siren:
            found[line] = siren
    return found


def _organisation(values, sirens, organisations):
    text = values.get("siren", "")
    if not text:
        return None, []
    try:
        siren = clean_siren(text)
    except ValidationError as error:
        return None, [" ".join(error.messages)]
    return organisations.get(siren), []


def _email_errors(email, invited, seen, line):
    if not email:
        return [_("l'adresse e-mail est vide")]
    if email == EXAMPLE[1]:
        return [_("c'est la ligne d'exemple du modèle : supprimez-la")]
    try:
        if len(email) > 254:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError:
        return [_("l'adresse e-mail « %(email)s » n'est pas valide") % {"email": email[:100]}]
    if email in invited:
        return [_("l'adresse %(email)s est déjà invitée à cette campagne") % {"email": email}]
    if email in seen:
        return [
            _("l'adresse %(email)s figure déjà ligne %(line)s")
            % {"email": email, "line": seen[email]}
        ]
    seen[email] = line
    return []


def _headcount(text):
    if not text:
        return None, []
    cleaned = text.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if cleaned.endswith(".0"):
        cleaned = cleaned[:-2]
    if cleaned.lstrip("-").isdigit():
        number = int(cleaned)
        if number < 0:
            return None, [_("l'effectif ne peut pas être négatif (%(value)s)") % {"value": text}]
        if number > 10_000_000:
            return None, [_("l'effectif %(value)s n'est pas plausible") % {"value": text}]
        return number, []
    return None, [_("l'effectif « %(value)s » n'est pas un nombre entier") % {"value": text[:50]}]


def run(campaign, data):
    """Check the file and, if every row is right, create its invitees in one
    transaction. The report; `report.invitees` are then saved."""
    report = check(campaign, data)
    if not report.ok:
        return report
    now = timezone.now()
    for invitee in report.invitees:
        invitee.created_at = now
    try:
        with transaction.atomic():
            report.invitees = Invitee.objects.bulk_create(report.invitees)
    except IntegrityError:
        # Someone invited one of these organisations in the meantime.
        report = check(campaign, data)
        if report.ok:
            report.problems.append(
                Problem(
                    None,
                    _(
                        "Les destinataires ont changé pendant l'import : "
                        "envoyez le fichier de nouveau."
                    ),
                )
            )
    return report
