from rest_framework import serializers

from ancrage.clusters.models import Cluster


class ClusterSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    seat_commune_code = serializers.CharField(source="seat.code", read_only=True)
    seat_commune_name = serializers.CharField(source="seat.name", read_only=True)

    class Meta:
        model = Cluster
        fields = [
            "name",
            "slug",
            "kind",
            "kind_label",
            "filiere",
            "seat_commune_code",
            "seat_commune_name",
            "website",
        ]
