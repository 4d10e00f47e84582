"""Load the demo dataset (idempotent), built on the test factories."""

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.functional import cached_property

from ancrage.accounts.factories import AuthorityScopeFactory, TOTPDeviceFactory, UserFactory
from ancrage.accounts.invitations import send_invitation
from ancrage.clusters.factories import ClusterFactory, NetworkFactory
from ancrage.clusters.models import Cluster, ClusterStaff, StaffInvitation
from ancrage.demo import data
from ancrage.demo.gpec import load_declarations
from ancrage.demo.gpec_plans import load_plans
from ancrage.demo.jobs import load_offers
from ancrage.demo.members import load_members
from ancrage.demo.stories import admin_of, load_estuary, load_proposals
from ancrage.demo.surveys import load_surveys
from ancrage.demo.tenders import load_tenders
from ancrage.organisations.models import Membership, Organisation, OrganisationUser, Role
from ancrage.referentiel.factories import VocabularyEntryFactory
from ancrage.referentiel.models import Occupation, Skill, VocabularyEntry
from ancrage.referentiel.starter import OCCUPATIONS, SKILLS, load_starter
from ancrage.territory.models import Commune, Region


class Command(BaseCommand):
    help = "Charge les données de démonstration (clusters réels, personnes fictives)."

    def handle(self, *args, **options):
        if not Commune.objects.exists():
            raise CommandError(
                "Aucune commune en base : lancez d'abord « ancrage import-territory »."
            )
        with transaction.atomic():
            logins = self.load()
        self.print_logins(logins)

    def load(self):
        network = NetworkFactory(name="France Clusters", slug="france-clusters")
        communes = {
            c.code: c for c in Commune.objects.filter(code__in=[c[3] for c in data.CLUSTERS])
        }
        logins = []
        for (name, slug, kind, seat, filiere), (first, last) in zip(
            data.CLUSTERS, data.STAFF_NAMES, strict=True
        ):
            cluster = ClusterFactory(
                name=name,
                slug=slug,
                kind=kind,
                seat=communes[seat],
                filiere=filiere,
                network=network,
                founded_year=None,
            )
            email = f"equipe.{slug}@example.org"
            user = self.demo_user(email, first, last)
            ClusterStaff.objects.get_or_create(
                cluster=cluster, user=user, defaults={"role": ClusterStaff.Role.ADMIN}
            )
            logins.append((f"Équipe — {name}", email))

        logins.append(self.load_shared_officer())
        self.invite_colleague(Cluster.objects.get(slug="neopolia"))

        admin = self.demo_user(
            "admin@example.org", "Alex", "Administrateur", is_superuser=True, is_staff=True
        )
        logins.append(("Administration de la plateforme", admin.email))

        authority = self.demo_user("region.bretagne@example.org", "Gwenaëlle", "Le Bihan")
        if not authority.authority_scopes.exists():
            AuthorityScopeFactory(
                user=authority, name="Région Bretagne", regions=[Region.objects.get(code="53")]
            )
        logins.append(("Autorité : Région Bretagne", authority.email))

        candidate = self.demo_user("candidate@example.org", "Léa", "Dumas", is_candidate=True)
        logins.append(("Candidate", candidate.email))

        neopolia = Cluster.objects.get(slug="neopolia")
        organisation, _ = Organisation.objects.get_or_create(
            name="Chaudronnerie de l'Estuaire (fictive)", defaults={"commune": communes["44184"]}
        )
        Membership.objects.get_or_create(cluster=neopolia, organisation=organisation)
        member = self.demo_user("dirigeante.chaudronnerie@example.org", "Margaux", "Peron")
        OrganisationUser.objects.get_or_create(
            organisation=organisation,
            user=member,
            defaults={"job_title": "Dirigeante", "role": Role.DIRECTOR},
        )
        logins.append(("Adhérente de Neopolia (profil à valider)", member.email))
        self.load_vocabularies()
        created = load_members()
        self.stdout.write(
            f"Adhérents fictifs : {created} organisations créées."
            if created
            else "Adhérents fictifs : déjà chargés."
        )
        load_estuary(organisation, admin_of(neopolia))
        logins += load_proposals(self.demo_user)
        load_tenders()
        load_surveys()
        load_declarations()
        load_plans()
        offers = load_offers()
        self.stdout.write(
            f"Offres d'emploi : {offers} créées." if offers else "Offres d'emploi : déjà chargées."
        )
        return logins

    def load_vocabularies(self):
        """The starter vocabulary (unless the ROME is imported), then each
        cluster's own vocabulary; a cluster that already has one keeps it.
        An item missing from the référentiel (a ROME import replaced the
        starter) becomes an item of the cluster's own, under the same name."""
        self.stdout.write(load_starter().message)
        done = set(
            VocabularyEntry.objects.filter(cluster__slug__in=data.VOCABULARIES).values_list(
                "cluster__slug", flat=True
            )
        )
        clusters = Cluster.objects.filter(slug__in=set(data.VOCABULARIES) - done)
        occupations = Occupation.objects.in_bulk([o.code for o in OCCUPATIONS], field_name="code")
        occupation_labels = {o.code: o.label for o in OCCUPATIONS}
        skills = {
            (skill.kind, skill.label): skill
            for skill in Skill.objects.filter(label__in=[label for _, label in SKILLS.values()])
        }
        entries = []
        for cluster in clusters:
            vocabulary = data.VOCABULARIES[cluster.slug]
            for position, item in enumerate(data.items(vocabulary.occupations), start=1):
                occupation = occupations.get(item.target)
                entries.append(
                    VocabularyEntryFactory.build(
                        cluster=cluster,
                        occupation=occupation,
                        label=item.label or ("" if occupation else occupation_labels[item.target]),
                        aliases=list(item.aliases),
                        position=position,
                    )
                )
            for position, item in enumerate(data.items(vocabulary.skills), start=1):
                skill = skills.get(SKILLS.get(item.target))
                entries.append(
                    VocabularyEntryFactory.build(
                        cluster=cluster,
                        kind=VocabularyEntry.Kind.SKILL,
                        occupation=None,
                        skill=skill,
                        label=item.label or ("" if skill else SKILLS[item.target][1]),
                        aliases=list(item.aliases),
                        position=position,
                    )
                )
        VocabularyEntry.objects.bulk_create(entries)

    def load_shared_officer(self):
        """A chargée de mission who works for two clusters: the header lets
        her switch between them."""
        officer = self.demo_user("charge.mission.ouest@example.org", "Soizic", "Le Floch")
        for slug in ("neopolia", "bretagne-pole-naval"):
            ClusterStaff.objects.get_or_create(
                cluster=Cluster.objects.get(slug=slug),
                user=officer,
                defaults={"role": ClusterStaff.Role.OFFICER},
            )
        return ("Chargée de mission de 2 clusters", officer.email)

    def invite_colleague(self, cluster):
        """A pending invitation, readable on the outbox page."""
        email = "nouvelle.recrue@example.org"
        if StaffInvitation.objects.filter(cluster=cluster, email=email).exists():
            return
        invitation = StaffInvitation.objects.create(
            cluster=cluster,
            email=email,
            first_name="Romane",
            last_name="Guillou",
            invited_by=cluster.staff.filter(role=ClusterStaff.Role.ADMIN).first().user,
        )
        send_invitation(None, invitation, cluster=cluster)

    @cached_property
    def password_hash(self):
        return make_password(data.DEMO_PASSWORD)

    def demo_user(self, email, first_name, last_name, **extra):
        """A demo account (an existing one is kept as it is). The password is
        hashed once for all accounts: a hash takes a good half-second."""
        user = UserFactory(
            email=email, first_name=first_name, last_name=last_name, password=None, **extra
        )
        if not user.has_usable_password():
            user.password = self.password_hash
            user.save(update_fields=["password"])
        if not user.totpdevice_set.exists():
            TOTPDeviceFactory(user=user, key=data.DEMO_TOTP_KEY_HEX)
        return user

    def print_logins(self, logins):
        width = max(len(label) for label, _ in logins)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Démonstration prête : http://127.0.0.1:8000"))
        self.stdout.write(f"Mot de passe de tous les comptes : {data.DEMO_PASSWORD}")
        self.stdout.write(
            "Double authentification : le code du moment est affiché sur la page de saisie "
            f"en démonstration, ou utilisez le secret {data.DEMO_TOTP_KEY_BASE32} "
            "dans une application d'authentification."
        )
        for label, email in logins:
            self.stdout.write(f"  {label.ljust(width)}  {email}")
        self.stdout.write("")
