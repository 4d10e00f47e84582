import factory

from ancrage.territory.models import Commune, Department, Region


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    code = "53"
    name = "Bretagne"


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["code"]

    code = "56"
    name = "Morbihan"
    region = factory.SubFactory(RegionFactory)


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"9{n:04d}")
    name = factory.Sequence(lambda n: f"Commune {n}")
    postal_codes = factory.LazyAttribute(lambda o: [o.code])
    population = 1000
    department = factory.SubFactory(DepartmentFactory)
    region = factory.SelfAttribute("department.region")
