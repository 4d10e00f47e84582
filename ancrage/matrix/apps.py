from django.apps import AppConfig


class MatrixConfig(AppConfig):
    name = "ancrage.matrix"
    verbose_name = "Matrice des compétences"

    def ready(self):
        from ancrage.matrix import signals  # noqa: F401 (connects the receivers)
