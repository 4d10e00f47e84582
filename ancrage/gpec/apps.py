from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _forget_network_figures(sender, **kwargs):
    """Every `migrate` (so every deployment) forgets the networks' stored
    figures: they are pickled objects of the code that computed them."""
    from ancrage.gpec.dashboard import cache

    cache.forget(using=kwargs.get("using"))


class GpecConfig(AppConfig):
    name = "ancrage.gpec"
    verbose_name = "GPEC"

    def ready(self):
        post_migrate.connect(_forget_network_figures, sender=self)
