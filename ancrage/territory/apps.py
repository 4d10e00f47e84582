from django.apps import AppConfig


class TerritoryConfig(AppConfig):
    name = "ancrage.territory"
    verbose_name = "Territoire"
