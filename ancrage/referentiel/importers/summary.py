"""What an import changed, counted per kind of item, in French."""

from dataclasses import dataclass, field

EXAMPLES = 3
WORDS = {
    "added": "ajouté(s)",
    "updated": "mis à jour",
    "obsoleted": "devenu(s) obsolète(s)",
    "restored": "rétabli(s)",
    "removed": "retiré(s)",
}


@dataclass
class Tally:
    counts: dict = field(default_factory=lambda: dict.fromkeys(WORDS, 0))
    examples: dict = field(default_factory=lambda: {change: [] for change in WORDS})


class Summary:
    """Counts and a few example labels per kind (« métiers ») and change
    (added, updated, obsoleted, restored, removed)."""

    def __init__(self):
        self.tallies = {}

    def count(self, kind, change, example=None, number=1):
        """Count `number` changes; `example` is a label or a function that
        gives one, called only for the few examples kept."""
        tally = self.tallies.setdefault(kind, Tally())
        tally.counts[change] += number
        if example is not None and len(tally.examples[change]) < EXAMPLES:
            tally.examples[change].append(example() if callable(example) else example)

    @property
    def changes(self):
        return sum(sum(tally.counts.values()) for tally in self.tallies.values())

    def lines(self):
        for kind, tally in self.tallies.items():
            done = [(change, n) for change, n in tally.counts.items() if n]
            if not done:
                continue
            yield f"{kind} : " + ", ".join(f"{n} {WORDS[change]}" for change, n in done)
            for change, n in done:
                examples = tally.examples[change]
                if examples:
                    more = "…" if n > len(examples) else ""
                    yield f"    {WORDS[change]} : " + ", ".join(examples) + more

    def as_dict(self):
        return {
            kind: {change: n for change, n in tally.counts.items() if n}
            for kind, tally in self.tallies.items()
            if any(tally.counts.values())
        }


def quoted(label):
    return f"« {label} »"
