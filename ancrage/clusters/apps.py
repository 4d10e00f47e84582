from django.apps import AppConfig


class ClustersConfig(AppConfig):
    name = "ancrage.clusters"
    verbose_name = "Clusters"
