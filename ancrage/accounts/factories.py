import factory
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ancrage.accounts.models import AuthorityScope, User

DEFAULT_PASSWORD = "mot-de-passe-de-test"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"personne{n}@exemple.fr")
    email_verified_at = factory.LazyFunction(timezone.now)
    password = factory.django.Password(DEFAULT_PASSWORD)

    class Params:
        candidate = factory.Trait(is_candidate=True)
        platform_admin = factory.Trait(is_superuser=True, is_staff=True)
        # A confirmed TOTP device; pass totp_key to choose its secret (hex).
        with_mfa = factory.Trait(
            mfa=factory.RelatedFactory(
                "ancrage.accounts.factories.TOTPDeviceFactory", factory_related_name="user"
            )
        )


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "Application d'authentification"
    confirmed = True


class StaticDeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaticDevice

    user = factory.SubFactory(UserFactory)
    name = "Codes de secours"
    confirmed = True


class AuthorityScopeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuthorityScope
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    name = "Région Bretagne"

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)
