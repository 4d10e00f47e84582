from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "ancrage.jobs"
    verbose_name = "Offres d'emploi"

    def ready(self):
        from ancrage.jobs import signals  # noqa: F401  (connects the receivers)
