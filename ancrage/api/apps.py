from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ancrage.api"
    verbose_name = "API"
