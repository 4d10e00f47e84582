from django.apps import AppConfig


class GpecConfig(AppConfig):
    name = "ancrage.gpec"
    verbose_name = "GPEC"
