from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "ancrage.jobs"
    verbose_name = "Offres d'emploi"
