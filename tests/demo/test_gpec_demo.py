"""The demo's GPEC declarations: three years for most of Neopolia's members
with a métier, two for the demo member account (so « Rien n'a changé » is
for it), all of them valid by the declaration form's own rules."""

import pytest
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory
from ancrage.demo.gpec import block, load_declarations
from ancrage.demo.stories import ESTUARY_SIREN
from ancrage.gpec.declarations import contents, last_declaration
from ancrage.gpec.models import Declaration, WorkforceLine
from ancrage.gpec.validation import forecast_errors, workforce_errors
from ancrage.matrix.factories import MatrixProfileFactory
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import OccupationFactory, VocabularyEntryFactory

pytestmark = pytest.mark.django_db


def test_demo_blocks_follow_the_declaration_rules():
    import random

    rng = random.Random(1)
    occupation = OccupationFactory()
    for headcount in (1, 2, 7, 40, 250):
        for year in range(3):
            values = block(rng, occupation, headcount, year)
            assert sum(values[band] for band in WorkforceLine.AGE_BANDS) == headcount
            assert not workforce_errors(values)
            assert not forecast_errors(values, headcount)


def test_members_declare_over_three_years_and_the_demo_account_a_year_ago():
    cluster = ClusterFactory(slug="neopolia", name="Neopolia")
    entry = VocabularyEntryFactory(cluster=cluster, occupation=OccupationFactory())
    estuary = MembershipFactory(cluster=cluster, organisation__siren=ESTUARY_SIREN)
    MatrixProfileFactory(membership=estuary, occupation=entry)
    assert load_declarations() == 2
    assert load_declarations() == 0  # once
    last = last_declaration(cluster, estuary.organisation)
    assert (timezone.localdate() - last.declared_on).days > 365
    assert Declaration.objects.filter(organisation=estuary.organisation).count() == 2
    assert contents(last)
