"""The one search service of the référentiel, used by every picker, the
job-title normaliser and skill extraction.

- `suggest(query, target=..., cluster=..., limit=...)`: type-ahead over
  occupations, job titles, skills (ROME and ESCO) and the acting cluster's
  vocabulary, ranked, accents, case, gender forms, plurals and small typos
  ignored.
- `normalize(title, limit=...)`: the best occupations for a job-offer title.
- `extract_skills(text, ...)`: the ROME skills found in free text, with the
  span of text that matched.

The index lives in memory, per process, and rebuilds when the vocabulary's
revision token changes (`Revision`).
"""

from ancrage.referentiel.search.engine import (
    FoundSkill,
    Normalized,
    Suggestion,
    extract_skills,
    normalize,
    suggest,
)

__all__ = ["FoundSkill", "Normalized", "Suggestion", "extract_skills", "normalize", "suggest"]
