from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "ancrage.outbox"
    verbose_name = "Courriels sortants"
