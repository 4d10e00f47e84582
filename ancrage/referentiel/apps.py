from django.apps import AppConfig


class ReferentielConfig(AppConfig):
    name = "ancrage.referentiel"
    verbose_name = "Référentiel des métiers et compétences"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ancrage.referentiel import signals  # noqa: F401
