from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "ancrage.files"
    verbose_name = "Fichiers"
