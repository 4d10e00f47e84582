from django.apps import AppConfig


class TendersConfig(AppConfig):
    name = "ancrage.tenders"
    verbose_name = "Appels d'offres et consortiums"
