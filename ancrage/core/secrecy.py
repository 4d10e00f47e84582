"""Statistical secrecy (secret statistique) for every figure that leaves a
cluster's staff: summaries shared with respondents, the observatory.

The rules follow INSEE practice:

- primary suppression, frequency: a cell built from fewer than
  `Rules.min_contributors` organisations is hidden;
- primary suppression, dominance: a cell where one organisation contributes
  more than `Rules.dominance` of the value is hidden;
- secondary suppression: in a one-dimension table (a column, or a row of a
  breakdown) whose total is shown, the hidden cells must together stand for
  at least `Rules.min_contributors` organisations and be at least two, so
  that a subtraction from the total reveals neither one cell nor a group of
  one or two organisations: the smallest shown cells are hidden until so.
  When every cell is hidden and they still stand for fewer organisations,
  the total is itself built from fewer organisations and hidden as such;
- derived figures: a figure computed from the cells of a breakdown (a mean, a
  share, a score) would recompute its hidden cells. The summaries shared
  with respondents therefore hide a mean whose breakdown has a hidden cell
  (a scale question), hide a score when one of its components is hidden
  (`Table.derived`), and do not show the per-occupation breakdown of a
  column also shown as a mean or a share (the difficulty to recruit).

A `Cell` carries its value, how many organisations it is built from and the
largest single contribution; it renders itself in templates (`__html__`):
its text, or « secret » with a tooltip saying why."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import format_html
from django.utils.translation import gettext as _

FEW = "few"
DOMINANCE = "dominance"
SECONDARY = "secondary"


@dataclass(frozen=True)
class Rules:
    min_contributors: int = 3
    dominance: Decimal = Decimal("0.85")


DEFAULT_RULES = Rules()


def reason_text(reason, rules=DEFAULT_RULES):
    """Why a cell is hidden, in French, for its tooltip."""
    if reason == FEW:
        return _(
            "Secret statistique : moins de %(count)s organisations à l'origine de ce chiffre."
        ) % {"count": rules.min_contributors}
    if reason == DOMINANCE:
        return _(
            "Secret statistique : une organisation représente plus de %(share)s %% de ce chiffre."
        ) % {"share": int(rules.dominance * 100)}
    return _(
        "Secret statistique : chiffre masqué pour qu'un chiffre secret ne puisse pas être "
        "retrouvé à partir du total."
    )


@dataclass
class Cell:
    """One figure of a table. `contributors`: the number of organisations it
    is built from (None: not subject to secrecy, e.g. a label or a rate the
    staff computed from public counts). `largest`: the largest contribution of
    one organisation to `value` (for a sum; None for a count, where each
    organisation counts once). `base`: the figure `largest` is compared with
    when it is not `value` (a mean: the sum it divides; a share: the total of
    its denominator). `text`: how to show the value."""

    value: object
    contributors: int | None = None
    largest: object = None
    text: str = ""
    reason: str = ""
    rules: Rules = field(default=DEFAULT_RULES, repr=False)
    # A comparison with the previous wave (`surveys.results.comparison`).
    change: object = None
    base: object = None

    @property
    def hidden(self):
        return bool(self.reason)

    @property
    def shown_value(self):
        """The value, or None when hidden (for charts)."""
        return None if self.reason else self.value

    @property
    def plain(self):
        """The text of the figure, or « secret »."""
        if self.reason:
            return _("secret")
        return self.text if self.text else ("" if self.value is None else str(self.value))

    def __html__(self):
        if self.reason:
            return format_html(
                '<span class="secret text-body-secondary fst-italic" title="{}">{}</span>',
                reason_text(self.reason, self.rules),
                _("secret"),
            )
        return format_html("{}", self.plain)

    # Templates turn values into text before escaping them: the cell's text is its markup.
    __str__ = __html__


def primary_reason(cell, rules=DEFAULT_RULES):
    """The primary reason to hide `cell`, or ""."""
    if cell.contributors is None:
        return ""
    if cell.contributors < rules.min_contributors:
        return FEW
    base = cell.value if cell.base is None else cell.base
    if cell.largest is not None and base is not None:
        value, largest = Decimal(str(base)), abs(Decimal(str(cell.largest)))
        # A total of zero or less with contributions of some size may hide
        # opposite values of which one dominates: it is not shown.
        if (value <= 0 and largest > 0) or (value > 0 and largest > rules.dominance * value):
            return DOMINANCE
    return ""


def protect(cells, *, total_shown=False, rules=DEFAULT_RULES):
    """Apply primary suppression to `cells` (one column of a one-dimension
    table), and secondary suppression when the table's total is shown. The
    cells are changed in place and returned."""
    for cell in cells:
        cell.rules = rules
        cell.reason = cell.reason or primary_reason(cell, rules)
    if total_shown:
        subject = [cell for cell in cells if cell.contributors is not None]
        hidden = [cell for cell in subject if cell.hidden]
        shown = sorted(
            (cell for cell in subject if not cell.hidden),
            key=lambda cell: (cell.value is None, cell.value or 0),
        )
        while (
            hidden
            and shown
            and (len(hidden) == 1 or _organisations(hidden) < rules.min_contributors)
        ):
            smallest = shown.pop(0)
            smallest.reason = SECONDARY
            hidden.append(smallest)
    return cells


def _organisations(cells):
    return sum(cell.contributors for cell in cells)


def protect_total(cell, rules=DEFAULT_RULES):
    """Apply primary suppression to a single figure (a total, a mean)."""
    cell.rules = rules
    cell.reason = cell.reason or primary_reason(cell, rules)
    return cell
