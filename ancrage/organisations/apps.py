from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "ancrage.organisations"
    verbose_name = "Organisations"
