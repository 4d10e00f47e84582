"""The value-chain stages and client markets clusters use in their skills
matrices (Neopolia, Bretagne Pôle Naval, Mécabourg…). Platform admins can
add more in the technical admin."""

from django.db import migrations

ACTIVITIES = [
    ("etudes-avant-projet", "Études avant-projet"),
    ("conception", "Conception / bureau d'études"),
    ("prototypage", "Prototypage"),
    ("industrialisation", "Industrialisation"),
    ("fabrication", "Fabrication"),
    ("usinage", "Usinage"),
    ("chaudronnerie", "Chaudronnerie, tôlerie"),
    ("soudage", "Soudage"),
    ("traitement-surface", "Traitement de surface, peinture"),
    ("assemblage", "Assemblage / montage"),
    ("electricite", "Électricité, câblage"),
    ("installation", "Installation sur site"),
    ("mise-en-service", "Mise en service"),
    ("maintenance", "Maintenance"),
    ("parachevement", "Parachèvement"),
    ("controle-qualite", "Contrôle / qualité"),
    ("essais", "Essais, mesures"),
    ("logistique", "Logistique"),
    ("formation", "Formation"),
    ("ingenierie-logicielle", "Développement logiciel"),
]

MARKETS = [
    ("aeronautique", "Aéronautique"),
    ("spatial", "Spatial"),
    ("automobile", "Automobile"),
    ("ferroviaire", "Ferroviaire"),
    ("naval", "Naval"),
    ("emr", "Énergies marines renouvelables"),
    ("nucleaire", "Nucléaire"),
    ("oil-gas", "Oil & gas"),
    ("defense", "Défense"),
    ("sante", "Santé"),
    ("agroalimentaire", "Agroalimentaire"),
    ("numerique", "Numérique"),
    ("tourisme", "Tourisme"),
    ("sport-glisse", "Sport / glisse"),
    ("btp", "BTP"),
    ("energie", "Énergie"),
    ("chimie", "Chimie"),
    ("optique-photonique", "Optique et photonique"),
    ("agriculture", "Agriculture"),
    ("montagne", "Aménagement de la montagne"),
]


def seed(apps, schema_editor):
    for model_name, rows in (("Activity", ACTIVITIES), ("Market", MARKETS)):
        model = apps.get_model("referentiel", model_name)
        for position, (slug, label) in enumerate(rows, start=1):
            model.objects.update_or_create(
                slug=slug, defaults={"label": label, "position": position}
            )


def unseed(apps, schema_editor):
    for model_name, rows in (("Activity", ACTIVITIES), ("Market", MARKETS)):
        apps.get_model("referentiel", model_name).objects.filter(
            slug__in=[slug for slug, _ in rows]
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("referentiel", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
