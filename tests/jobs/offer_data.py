"""What a member company types in the offer form for a plain CDI in Lorient
(the cast's commune), as the form posts it."""


def offer_form(**changes):
    """The form's data, with `changes` (a None value leaves the field out)."""
    values = {
        "title": "Usineur / usineuse 5 axes",
        "description": "Réglage et conduite de centres d'usinage.",
        "contract": "cdi",
        "working_time": "plein",
        "commune": "56121",
        "remote": "site",
        "salary_period": "an",
        "experience": "debutant",
        "positions": "1",
        "application_mode": "plateforme",
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}
