"""The CV bank as a source of the GPEC supply (`gpec.supply`, key
« cv_bank »): the candidates who could fill a population's needs, per
occupation they seek.

A candidate counts for a population (`gpec.population.Population`) when:

- they consented to one of the scope's clusters (the consent given on or
  before the population's day and not withdrawn by then), their account is
  active and their profile still in the CV bank (`cvbank.RETENTION`);
- they seek the occupation (`CandidateProfile.occupations`); a candidate
  seeking two occupations counts once in each;
- they live in the population's territory, as the imported job seekers are
  counted: a BMO basin of one of the population's organisations, or, for a
  commune without basin, a département of one of them. A candidate without
  a commune counts nowhere.

Across a network a candidate who consented to several of its clusters counts
once. The figure is public (`Figure.public`: it reveals no organisation);
its `organisations` counts the population's organisations located in the
basins (or départements) where the occupation's candidates live."""

# ruff: noqa: S608

import datetime

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from ancrage.gpec.figures import Figure
from ancrage.jobs.cvbank import RETENTION
from ancrage.jobs.models import CandidateProfile, Consent
from ancrage.organisations.models import Organisation
from ancrage.territory.models import Commune


def _end_of(day):
    """The first instant after `day`, Paris time."""
    midnight = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(midnight)


def cv_bank(population, occupation_ids):
    """{occupation_id: Figure} of the CV bank's candidates (see the module)."""
    if not occupation_ids:
        return {}
    profile = CandidateProfile._meta.db_table
    sought = CandidateProfile.occupations.through._meta.db_table
    sql = f"""
        WITH places AS MATERIALIZED (
            SELECT o.id, c.bmo_basin_id, c.department_id
            FROM {Organisation._meta.db_table} o
            JOIN {Commune._meta.db_table} c ON c.id = o.commune_id
            WHERE o.id = ANY(%s)
        ),
        candidates AS MATERIALIZED (
            SELECT DISTINCT s.occupation_id, p.id, c.bmo_basin_id, c.department_id
            FROM {sought} s
            JOIN {profile} p ON p.id = s.candidateprofile_id
            JOIN {Commune._meta.db_table} c ON c.id = p.commune_id
            WHERE s.occupation_id = ANY(%s)
                AND p.last_activity_at >= %s
                AND EXISTS (
                    SELECT 1 FROM {get_user_model()._meta.db_table} u
                    WHERE u.id = p.user_id AND u.is_active
                )
                AND EXISTS (
                    SELECT 1 FROM {Consent._meta.db_table} k
                    WHERE k.profile_id = p.id AND k.cluster_id = ANY(%s)
                        AND k.given_at < %s
                        AND (k.withdrawn_at IS NULL OR k.withdrawn_at >= %s)
                )
        ),
        placed AS (
            SELECT occupation_id, id, 'b' AS kind, bmo_basin_id AS place FROM candidates
            WHERE bmo_basin_id IN (SELECT bmo_basin_id FROM places)
            UNION ALL
            SELECT occupation_id, id, 'd', department_id FROM candidates
            WHERE bmo_basin_id IS NULL AND department_id IN (SELECT department_id FROM places)
        ),
        used AS (SELECT DISTINCT occupation_id, kind, place FROM placed),
        organisations AS (
            SELECT u.occupation_id, COUNT(DISTINCT pl.id) AS organisations
            FROM used u JOIN places pl
                ON (u.kind = 'b' AND pl.bmo_basin_id = u.place)
                OR (u.kind = 'd' AND pl.department_id = u.place)
            GROUP BY u.occupation_id
        )
        SELECT p.occupation_id, COUNT(DISTINCT p.id), MAX(o.organisations)
        FROM placed p JOIN organisations o ON o.occupation_id = p.occupation_id
        GROUP BY p.occupation_id
    """
    end = _end_of(population.as_of)
    params = [
        population.member_ids(),
        list(occupation_ids),
        timezone.now() - RETENTION,
        list(population.scope.cluster_ids()),
        end,
        end,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return {
        occupation: Figure(value=candidates, organisations=organisations, public=True)
        for occupation, candidates, organisations in rows
    }
