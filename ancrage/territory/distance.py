"""Distances between communes, in SQL: a latitude/longitude box first (it
can use an index and drops most rows), then the great-circle distance
(haversine, Earth radius 6,371 km) to keep those truly within the radius."""

import math

from django.db.models import F, FloatField, Value
from django.db.models.functions import ACos, Cos, Greatest, Least, Radians, Sin

EARTH_RADIUS_KM = 6371.0


def box(latitude, longitude, km):
    """The latitude and longitude bounds of a `km` radius around a point."""
    delta_lat = math.degrees(km / EARTH_RADIUS_KM)
    # Near the poles the box spans every longitude.
    cos_lat = max(math.cos(math.radians(latitude)), 1e-6)
    delta_lon = min(180.0, math.degrees(km / (EARTH_RADIUS_KM * cos_lat)))
    return (
        (latitude - delta_lat, latitude + delta_lat),
        (longitude - delta_lon, longitude + delta_lon),
    )


def distance_km(latitude, longitude, to_latitude, to_longitude):
    """The great-circle distance in km between two points (Python side)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (latitude, longitude, to_latitude, to_longitude))
    cosine = math.sin(lat1) * math.sin(lat2) + math.cos(lat1) * math.cos(lat2) * math.cos(
        lon2 - lon1
    )
    return EARTH_RADIUS_KM * math.acos(min(1.0, max(-1.0, cosine)))


def distance_expression(latitude, longitude, commune="commune"):
    """The distance in km from a point to the commune reached by the lookup
    `commune` (spherical law of cosines, clamped against rounding)."""
    lat = Radians(F(f"{commune}__latitude"))
    lon = Radians(F(f"{commune}__longitude"))
    here_lat = math.radians(latitude)
    cosine = Value(math.sin(here_lat)) * Sin(lat) + Value(math.cos(here_lat)) * Cos(lat) * Cos(
        lon - Value(math.radians(longitude))
    )
    return Value(EARTH_RADIUS_KM) * ACos(
        Least(Value(1.0), Greatest(Value(-1.0), cosine)), output_field=FloatField()
    )


def within(queryset, latitude, longitude, km, commune="commune"):
    """`queryset` restricted to rows whose commune is within `km` of the
    point, annotated with `distance_km`."""
    (lat_min, lat_max), (lon_min, lon_max) = box(latitude, longitude, km)
    return (
        queryset.filter(
            **{
                f"{commune}__latitude__range": (lat_min, lat_max),
                f"{commune}__longitude__range": (lon_min, lon_max),
            }
        )
        .annotate(distance_km=distance_expression(latitude, longitude, commune))
        .filter(distance_km__lte=km)
    )
