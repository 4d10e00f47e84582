from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "ancrage.surveys"
    verbose_name = "Enquêtes et baromètres"
