"""Matching offers and candidates, both ways, with the reasons of each rank.

    candidates_for(offer, limit=20)      # [Match]: the CV bank profiles the
                                         # offer's organisation may see
    offers_for(profile, limit=20)        # [Match]: the offers on a job board

Score, out of 100 (the same weights both ways):

    occupation     35  same ROME code; 20 when the two occupations are close,
                       i.e. linked by a ROME mobility (`referentiel.Mobility`,
                       either way); 0 otherwise
    skills         35  × (2 × required skills matched + wished skills matched)
                         / (2 × required skills + wished skills) of the offer:
                       a required skill weighs twice a wished one; 0 when the
                       offer lists none
    distance       15  within the candidate's mobility radius: from 15 (same
                       place) down to 7.5 (at the edge of the radius); 0
                       beyond it or without a commune; 15 for an offer in
                       full remote work (distance does not count)
    contract       10  the offer's contract is among those the candidate
                       seeks; 5 when the candidate named none; 0 otherwise
    availability    5  the candidate is available on the start date (today
                       when the offer gives none), or gave no date

Each `Match` carries its points per component and its reasons in French
(« Même métier (H2903) », « 4 compétences exigées sur 5 : manque Soudure
TIG », « à 12 km, dans son rayon de 30 km »…).

How it stays fast (the best 20 among 100,000 candidates within 500 ms, see
benchmarks/bench_matching.py): one SQL statement. It first gathers a bounded
pool: the profiles (or offers) with the occupation or a close one, those with
one of the skills, and those whose commune lies in a box of `NEAR_KM` around
the offer (of the candidate's radius, at most `NEAR_KM`, around the
candidate) — the rest could only score on contract and availability. The
pool is then restricted to what may be seen (active consent to one of the
organisation's clusters; `lifecycle.visible` offers), scored in SQL and cut to
the best `limit`; only those are read with their names and skills to write
the reasons. Ties: the most recently active candidate first (the newest offer)."""

# ruff: noqa: S608

import math
from dataclasses import dataclass, field

from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ancrage.jobs import cvbank, lifecycle
from ancrage.jobs.models import CandidateProfile, Consent, Contract, Offer, OfferSkill, Remote
from ancrage.organisations.models import Membership
from ancrage.referentiel.models import Mobility, Occupation, Skill
from ancrage.territory.distance import EARTH_RADIUS_KM, box
from ancrage.territory.models import Commune

W_OCCUPATION = 35
W_CLOSE_OCCUPATION = 20
W_SKILLS = 35
W_DISTANCE = 15
W_CONTRACT = 10
W_AVAILABILITY = 5
# A required skill weighs this many wished ones.
REQUIRED_WEIGHT = 2
# The pool takes in what lies this close, even without occupation or skill.
NEAR_KM = 30
# The candidate's radius used to gather nearby offers, at most.
MAX_POOL_RADIUS_KM = 200
DEFAULT_LIMIT = 20
# Missing skills named in a reason, at most.
NAMED_MISSING = 3

SAME, CLOSE, OTHER = "same", "close", "other"


@dataclass
class Match:
    """One candidate for an offer (`profile`) or one offer for a candidate
    (`offer`), its score out of 100, its points and reasons."""

    score: int
    points: dict
    reasons: list
    profile: object = None
    offer: object = None
    occupation: str = OTHER
    matched_skills: list = field(default_factory=list)
    missing_skills: list = field(default_factory=list)
    distance_km: float | None = None


def close_occupations(occupation_ids):
    """The occupations linked by a ROME mobility (either way) to any of
    `occupation_ids`, those excluded."""
    ids = set(occupation_ids)
    if not ids:
        return set()
    pairs = Mobility.objects.filter(source_id__in=ids).values_list("target_id", flat=True)
    back = Mobility.objects.filter(target_id__in=ids).values_list("source_id", flat=True)
    return (set(pairs) | set(back)) - ids


def _distance_sql(latitude, longitude, lat_column="c.latitude", lon_column="c.longitude"):
    """(SQL, params): the great-circle distance in km from a point to the
    commune columns (spherical law of cosines, clamped against rounding)."""
    sql = (
        f"({EARTH_RADIUS_KM} * acos(least(1.0, greatest(-1.0, "
        f"%s * sin(radians({lat_column})) + %s * cos(radians({lat_column})) "
        f"* cos(radians({lon_column}) - %s)))))"
    )
    here = math.radians(latitude)
    return sql, [math.sin(here), math.cos(here), math.radians(longitude)]


def _points_sql():
    """SQL of each component's points, over the columns every scored row
    has: kind ('same'/'close'/'other'), req_matched, wished_matched,
    req_total, wished_total, distance, radius, remote_full, contract,
    contracts, available_from, start_on."""
    skills = (
        f"CASE WHEN ({REQUIRED_WEIGHT} * req_total + wished_total) = 0 THEN 0.0 ELSE "
        f"{W_SKILLS}.0 * ({REQUIRED_WEIGHT} * req_matched + wished_matched) "
        f"/ ({REQUIRED_WEIGHT} * req_total + wished_total) END"
    )
    return {
        "occupation": (
            f"CASE kind WHEN '{SAME}' THEN {W_OCCUPATION}.0 "
            f"WHEN '{CLOSE}' THEN {W_CLOSE_OCCUPATION}.0 ELSE 0.0 END"
        ),
        "skills": skills,
        "distance": (
            f"CASE WHEN remote_full THEN {W_DISTANCE}.0 WHEN distance IS NULL THEN 0.0 "
            f"WHEN distance <= radius THEN {W_DISTANCE}.0 * "
            "(1 - 0.5 * distance / greatest(radius, 1)) ELSE 0.0 END"
        ),
        "contract": (
            f"CASE WHEN contract = ANY(contracts) THEN {W_CONTRACT}.0 "
            f"WHEN cardinality(contracts) = 0 THEN {W_CONTRACT / 2} ELSE 0.0 END"
        ),
        "availability": (
            f"CASE WHEN available_from IS NULL OR available_from <= start_on "
            f"THEN {W_AVAILABILITY}.0 ELSE 0.0 END"
        ),
    }


def _scored_select(order_tiebreak):
    points = _points_sql()
    columns = ", ".join(f"{sql} AS p_{name}" for name, sql in points.items())
    total = " + ".join(f"p_{name}" for name in points)
    return (
        f"SELECT *, ({total}) AS score FROM (SELECT *, {columns} FROM features) scored "
        f"ORDER BY score DESC, {order_tiebreak} LIMIT %s"
    )


def _fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _tables():
    through_occ = CandidateProfile.occupations.through._meta
    through_skill = CandidateProfile.skills.through._meta
    return {
        "profile": CandidateProfile._meta.db_table,
        "p_occ": through_occ.db_table,
        "p_skill": through_skill.db_table,
        "consent": Consent._meta.db_table,
        "membership": Membership._meta.db_table,
        "commune": Commune._meta.db_table,
        "offer": Offer._meta.db_table,
        "offer_skill": OfferSkill._meta.db_table,
    }


# The best candidates for an offer.


def candidates_for(offer, limit=DEFAULT_LIMIT, today=None):
    """The best `limit` profiles of the CV bank of the offer's organisation
    for `offer`, best first, each with its reasons."""
    today = today or timezone.localdate()
    sql, params, required = candidates_query(offer, limit, today)
    rows = _fetch(sql, params)
    profiles = (
        CandidateProfile.objects.select_related("commune__department", "user")
        .prefetch_related("occupations", "skills")
        .in_bulk([row["id"] for row in rows])
    )
    labels = _skill_labels(rows, required)
    occupation_labels = _occupation_labels(row["via"] for row in rows)
    matches = []
    for row in rows:
        match = _match(row, required, labels, occupation_labels, today, company=True)
        match.profile = profiles[row["id"]]
        matches.append(match)
    return matches


def candidates_query(offer, limit, today):
    """(SQL, params, required skill ids) of the best profiles for `offer`."""
    t = _tables()
    occupation_id = offer.occupation_id
    close = sorted(close_occupations([occupation_id])) if occupation_id else []
    offer_skills = list(OfferSkill.objects.filter(offer=offer).values_list("skill_id", "required"))
    required = [skill for skill, is_required in offer_skills if is_required]
    wished = [skill for skill, is_required in offer_skills if not is_required]
    commune = offer.commune
    remote_full = offer.remote == Remote.FULL
    located = commune is not None and commune.latitude is not None and commune.longitude is not None
    near_sql, near_params = "SELECT NULL::bigint WHERE false", []
    if located and not remote_full:
        (lat_min, lat_max), (lon_min, lon_max) = box(commune.latitude, commune.longitude, NEAR_KM)
        near_sql = (
            f"SELECT p.id FROM {t['profile']} p WHERE p.commune_id IN ("
            f"SELECT id FROM {t['commune']} WHERE latitude BETWEEN %s AND %s "
            "AND longitude BETWEEN %s AND %s)"
        )
        near_params = [lat_min, lat_max, lon_min, lon_max]
    distance, distance_params = "NULL::float", []
    if located:
        distance, distance_params = _distance_sql(commune.latitude, commune.longitude)
    sql = f"""
        WITH clusters AS MATERIALIZED (
            SELECT cluster_id FROM {t["membership"]}
            WHERE organisation_id = %s AND status = 'active'
        ),
        occ AS (
            SELECT candidateprofile_id AS id,
                CASE WHEN bool_or(occupation_id = %s) THEN '{SAME}' ELSE '{CLOSE}' END AS kind,
                (array_agg(occupation_id ORDER BY occupation_id = %s DESC, occupation_id))[1]
                    AS via
            FROM {t["p_occ"]} WHERE occupation_id = ANY(%s) GROUP BY candidateprofile_id
        ),
        sk AS (
            SELECT candidateprofile_id AS id,
                array_agg(skill_id) FILTER (WHERE skill_id = ANY(%s)) AS req_ids,
                array_agg(skill_id) FILTER (WHERE skill_id = ANY(%s)) AS wished_ids
            FROM {t["p_skill"]} WHERE skill_id = ANY(%s) GROUP BY candidateprofile_id
        ),
        pool AS (
            SELECT id FROM occ UNION SELECT id FROM sk UNION {near_sql}
        ),
        features AS (
            SELECT p.id, p.last_activity_at, COALESCE(occ.kind, '{OTHER}') AS kind, occ.via,
                COALESCE(sk.req_ids, '{{}}') AS req_ids,
                COALESCE(sk.wished_ids, '{{}}') AS wished_ids,
                COALESCE(cardinality(sk.req_ids), 0) AS req_matched,
                COALESCE(cardinality(sk.wished_ids), 0) AS wished_matched,
                %s::int AS req_total, %s::int AS wished_total,
                {distance} AS distance, p.mobility_km AS radius,
                %s::boolean AS remote_full, %s::text AS contract, p.contracts::text[] AS contracts,
                p.available_from, %s::date AS start_on, %s::boolean AS start_given
            FROM pool JOIN {t["profile"]} p ON p.id = pool.id
            LEFT JOIN occ ON occ.id = p.id
            LEFT JOIN sk ON sk.id = p.id
            LEFT JOIN {t["commune"]} c ON c.id = p.commune_id
            WHERE EXISTS (
                SELECT 1 FROM {t["consent"]} k
                WHERE k.profile_id = p.id AND k.withdrawn_at IS NULL
                    AND k.cluster_id IN (SELECT cluster_id FROM clusters)
            )
            AND p.last_activity_at >= %s
            AND EXISTS (SELECT 1 FROM {_user_table()} u WHERE u.id = p.user_id AND u.is_active)
        )
        {_scored_select("last_activity_at DESC, id DESC")}
    """
    occupations = [occupation_id, *close] if occupation_id else []
    params = [
        offer.organisation_id,
        occupation_id,
        occupation_id,
        occupations,
        required,
        wished,
        required + wished,
        *near_params,
        len(required),
        len(wished),
        *distance_params,
        remote_full,
        offer.contract,
        offer.start_date or today,
        offer.start_date is not None,
        timezone.now() - cvbank.RETENTION,
        limit,
    ]
    return sql, params, required


def _user_table():
    from django.contrib.auth import get_user_model

    return get_user_model()._meta.db_table


# The best offers for a candidate.


def offers_for(profile, limit=DEFAULT_LIMIT, today=None):
    """The best `limit` offers on a job board for `profile`, best first,
    each with its reasons."""
    today = today or timezone.localdate()
    sql, params = offers_query(profile, limit, today)
    rows = _fetch(sql, params)
    offers = (
        Offer.objects.select_related("organisation", "occupation", "commune__department")
        .prefetch_related("skills__skill")
        .in_bulk([row["id"] for row in rows])
    )
    labels = _skill_labels(rows, [])
    occupation_labels = _occupation_labels(row["via"] for row in rows)
    matches = []
    for row in rows:
        match = _match(row, row["all_req_ids"], labels, occupation_labels, today)
        match.offer = offers[row["id"]]
        matches.append(match)
    return matches


def offers_query(profile, limit, today):
    """(SQL, params) of the best offers for `profile`."""
    t = _tables()
    own = list(profile.occupations.values_list("pk", flat=True))
    close = sorted(close_occupations(own))
    skills = list(profile.skills.values_list("pk", flat=True))
    commune = profile.commune
    located = commune is not None and commune.latitude is not None and commune.longitude is not None
    near_sql, near_params = "SELECT NULL::bigint WHERE false", []
    if located:
        radius = min(max(profile.mobility_km, NEAR_KM), MAX_POOL_RADIUS_KM)
        (lat_min, lat_max), (lon_min, lon_max) = box(commune.latitude, commune.longitude, radius)
        near_sql = (
            f"SELECT o.id FROM {t['offer']} o WHERE o.status = %s AND o.commune_id IN ("
            f"SELECT id FROM {t['commune']} WHERE latitude BETWEEN %s AND %s "
            "AND longitude BETWEEN %s AND %s)"
        )
        near_params = [Offer.Status.PUBLISHED, lat_min, lat_max, lon_min, lon_max]
    distance, distance_params = "NULL::float", []
    if located:
        distance, distance_params = _distance_sql(commune.latitude, commune.longitude)
    # The pool's offers that are on a job board (the CTE `pool` is in scope).
    in_pool = Offer.objects.filter(pk__in=RawSQL("SELECT id FROM pool", ()))
    visible_sql, visible_params = (
        lifecycle.visible(in_pool, today=today).values("pk").query.sql_with_params()
    )
    sql = f"""
        WITH occ AS (
            SELECT o.id,
                CASE WHEN o.occupation_id = ANY(%s) THEN '{SAME}' ELSE '{CLOSE}' END AS kind,
                o.occupation_id AS via
            FROM {t["offer"]} o WHERE o.status = %s AND o.occupation_id = ANY(%s)
        ),
        sk AS (
            SELECT DISTINCT offer_id AS id FROM {t["offer_skill"]} WHERE skill_id = ANY(%s)
        ),
        pool AS MATERIALIZED (
            SELECT id FROM occ UNION SELECT id FROM sk UNION {near_sql}
        ),
        kept AS MATERIALIZED (SELECT v.id FROM ({visible_sql}) v (id)),
        skill_counts AS (
            SELECT s.offer_id AS id,
                array_agg(s.skill_id) FILTER (WHERE s.required AND s.skill_id = ANY(%s))
                    AS req_ids,
                array_agg(s.skill_id) FILTER (WHERE NOT s.required AND s.skill_id = ANY(%s))
                    AS wished_ids,
                array_agg(s.skill_id) FILTER (WHERE s.required) AS all_req_ids,
                COUNT(*) FILTER (WHERE s.required) AS req_total,
                COUNT(*) FILTER (WHERE NOT s.required) AS wished_total
            FROM {t["offer_skill"]} s WHERE s.offer_id IN (SELECT id FROM kept)
            GROUP BY s.offer_id
        ),
        features AS (
            SELECT o.id, o.published_on, COALESCE(occ.kind, '{OTHER}') AS kind, occ.via,
                COALESCE(sc.req_ids, '{{}}') AS req_ids,
                COALESCE(sc.wished_ids, '{{}}') AS wished_ids,
                COALESCE(sc.all_req_ids, '{{}}') AS all_req_ids,
                COALESCE(cardinality(sc.req_ids), 0) AS req_matched,
                COALESCE(cardinality(sc.wished_ids), 0) AS wished_matched,
                COALESCE(sc.req_total, 0) AS req_total,
                COALESCE(sc.wished_total, 0) AS wished_total,
                {distance} AS distance, %s::int AS radius,
                o.remote = %s AS remote_full, o.contract::text AS contract,
                %s::text[] AS contracts, %s::date AS available_from,
                COALESCE(o.start_date, %s::date) AS start_on,
                o.start_date IS NOT NULL AS start_given
            FROM kept JOIN {t["offer"]} o ON o.id = kept.id
            LEFT JOIN occ ON occ.id = o.id
            LEFT JOIN skill_counts sc ON sc.id = o.id
            LEFT JOIN {t["commune"]} c ON c.id = o.commune_id
        )
        {_scored_select("published_on DESC NULLS LAST, id DESC")}
    """
    params = [
        own,
        Offer.Status.PUBLISHED,
        own + close,
        skills,
        *near_params,
        *visible_params,
        skills,
        skills,
        *distance_params,
        profile.mobility_km,
        Remote.FULL,
        list(profile.contracts),
        profile.available_from,
        today,
        limit,
    ]
    return sql, params


# Reasons.


def _skill_labels(rows, required):
    ids = set(required)
    for row in rows:
        ids.update(row["req_ids"] or [])
        ids.update(row["wished_ids"] or [])
        ids.update(row.get("all_req_ids") or [])
    return dict(Skill.objects.filter(pk__in=ids).values_list("pk", "label"))


def _occupation_labels(ids):
    ids = {pk for pk in ids if pk is not None}
    return {o.pk: o for o in Occupation.objects.filter(pk__in=ids)}


def _date(day):
    return date_format(day, "j F Y")


def _match(row, required, labels, occupations, today, company=False):
    """A Match from a scored row; `company`: the reasons speak of the
    candidate (« son rayon »), else to them (« votre rayon »)."""
    points = {
        name: round(float(row[f"p_{name}"]), 1)
        for name in ("occupation", "skills", "distance", "contract", "availability")
    }
    reasons = []
    kind = row["kind"]
    via = occupations.get(row["via"])
    if kind == SAME and via is not None:
        reasons.append(_("Même métier (%(code)s)") % {"code": via.code})
    elif kind == CLOSE and via is not None:
        reasons.append(
            _("Métier proche par les mobilités ROME : %(label)s (%(code)s)")
            % {"label": via.label, "code": via.code}
        )
    else:
        reasons.append(_("Métier différent"))

    matched_required = set(row["req_ids"] or [])
    missing = [pk for pk in required if pk not in matched_required]
    missing_labels = sorted(labels.get(pk, "") for pk in missing)
    if row["req_total"]:
        text = ngettext(
            "%(matched)s compétence exigée sur %(total)s",
            "%(matched)s compétences exigées sur %(total)s",
            _french_count(row["req_matched"]),
        ) % {"matched": row["req_matched"], "total": row["req_total"]}
        if missing_labels:
            named = ", ".join(missing_labels[:NAMED_MISSING])
            if len(missing_labels) > NAMED_MISSING:
                named += "…"
            text += _(" : manque %(skills)s") % {"skills": named}
        reasons.append(text)
    if row["wished_total"]:
        reasons.append(
            ngettext(
                "%(matched)s compétence souhaitée sur %(total)s",
                "%(matched)s compétences souhaitées sur %(total)s",
                _french_count(row["wished_matched"]),
            )
            % {"matched": row["wished_matched"], "total": row["wished_total"]}
        )

    distance = row["distance"]
    radius = row["radius"]
    if row["remote_full"]:
        reasons.append(_("Télétravail complet : la distance ne compte pas"))
    elif distance is None:
        reasons.append(_("Commune non renseignée : distance inconnue"))
    else:
        values = {"km": round(distance), "radius": radius}
        if distance <= radius:
            text = (
                _("à %(km)s km, dans son rayon de %(radius)s km")
                if company
                else _("à %(km)s km, dans votre rayon de %(radius)s km")
            )
        else:
            text = (
                _("à %(km)s km, au-delà de son rayon de %(radius)s km")
                if company
                else _("à %(km)s km, au-delà de votre rayon de %(radius)s km")
            )
        reasons.append(text % values)

    contract_label = _contract_label(row["contract"])
    wanted = list(row["contracts"] or [])
    if row["contract"] in wanted:
        text = (
            _("Cherche ce contrat (%(contract)s)")
            if company
            else _("Un contrat que vous cherchez (%(contract)s)")
        )
        reasons.append(text % {"contract": contract_label})
    elif not wanted:
        reasons.append(_("Aucun contrat précisé"))
    else:
        text = (
            _("Ne cherche pas ce contrat (%(contract)s) : cherche %(wanted)s")
            if company
            else _("%(contract)s : pas parmi les contrats que vous cherchez (%(wanted)s)")
        )
        reasons.append(
            text
            % {
                "contract": contract_label,
                "wanted": ", ".join(_contract_label(value) for value in wanted),
            }
        )

    available = row["available_from"]
    start = row["start_on"]
    if available is None or available <= today:
        reasons.append(_("Disponible dès maintenant"))
    elif available <= start:
        reasons.append(
            _("Disponible le %(day)s, avant la prise de poste (%(start)s)")
            % {"day": _date(available), "start": _date(start)}
        )
    elif row["start_given"]:
        reasons.append(
            _("Disponible le %(day)s, après la prise de poste (%(start)s)")
            % {"day": _date(available), "start": _date(start)}
        )
    else:
        reasons.append(_("Disponible seulement le %(day)s") % {"day": _date(available)})

    matched = [labels.get(pk, "") for pk in (row["req_ids"] or []) + (row["wished_ids"] or [])]
    return Match(
        score=round(float(row["score"])),
        points=points,
        reasons=reasons,
        occupation=kind,
        matched_skills=sorted(matched),
        missing_skills=missing_labels,
        distance_km=None if distance is None else round(distance, 1),
    )


def _french_count(number):
    """The count to choose the plural by: in French, 0 takes the singular
    (whether or not the message is in the catalogue)."""
    return 1 if number <= 1 else number


def _contract_label(value):
    try:
        return str(Contract(value).label)
    except ValueError:
        return value
