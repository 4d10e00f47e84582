from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ancrage.demo"
    verbose_name = "Démo"
