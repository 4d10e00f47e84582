"""The tension score of an occupation in a barometer wave."""

WEIGHTS = {"difficulty": 0.5, "open_share": 0.3, "time_to_fill": 0.2}
DIFFICULT_FROM = 3  # on the 1–4 difficulty scale
TIME_TO_FILL_CAP = 90  # days


def tension_score(*, difficult_share=None, open_share=None, mean_days=None):
    """Tension score of an occupation, from 0 (no tension) to 100.

        score = 100 × (0.5 × D + 0.3 × O + 0.2 × T) / (sum of the weights used)

    where, over the organisations that answered for the occupation in the wave:

    - D (`difficult_share`, 0–1): share of the respondents who rate the
      difficulty to recruit 3 or 4 on the 1–4 scale (the choices « 1 » to
      « 4 » of the shipped templates, or a number column answered 1 to 4;
      with other bounds set on the column: in the top third of them); a
      respondent with several rows for the occupation counts once, with
      their highest rating;
    - O (`open_share`, 0–1): open unfilled positions ÷ (open unfilled
      positions + positions filled), summed over the respondents;
    - T: min(mean time to fill in days ÷ 90, 1), the mean taken over the
      respondents (each one's own mean first): 90 days or more counts as
      full tension.

    A component is missing (None) when the questionnaire does not ask for it or
    nobody answered it (O also when no position is open nor filled); the
    weights are then renormalised over the components present, so the score
    stays on 0–100. No component at all gives None. The weights echo the
    DARES / France Travail indicator (0.5 for the share of difficult hiring
    plans); the score is only comparable between waves of the same
    questionnaire, and it is shown with its components and the number of
    respondents. Example: D = 0.5, O = 0.25, mean time 45 days →
    100 × (0.5 × 0.5 + 0.3 × 0.25 + 0.2 × 0.5) = 42.5."""
    components = {
        "difficulty": difficult_share,
        "open_share": open_share,
        "time_to_fill": None if mean_days is None else min(float(mean_days) / TIME_TO_FILL_CAP, 1),
    }
    present = {name: float(value) for name, value in components.items() if value is not None}
    if not present:
        return None
    weight = sum(WEIGHTS[name] for name in present)
    score = 100 * sum(WEIGHTS[name] * value for name, value in present.items()) / weight
    return round(score, 1)


def is_difficult(value, scale_min, scale_max):
    """Whether a difficulty answer counts as difficult (3 or 4 on 1–4)."""
    low, high = scale_min if scale_min is not None else 1, scale_max if scale_max is not None else 4
    if (low, high) == (1, 4):
        return value >= DIFFICULT_FROM
    return value >= low + (high - low) * 2 / 3
