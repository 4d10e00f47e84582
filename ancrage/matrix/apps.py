from django.apps import AppConfig


class MatrixConfig(AppConfig):
    name = "ancrage.matrix"
    verbose_name = "Matrice des compétences"
