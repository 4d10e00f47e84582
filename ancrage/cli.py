"""La commande `ancrage` : démo, serveur, worker, imports et administration."""

import argparse
import os
import subprocess
import sys

DEMO_PORT = 8000


def _manage(*args):
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ancrage", *args])


def _setup(demo=False):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    if demo:
        os.environ.setdefault("ANCRAGE_DEMO", "1")
        # Demo emails land in var/emails (and on the outbox page), not on SMTP.
        os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
    import django

    django.setup()


def cmd_demo(args):
    _setup(demo=True)
    _manage("migrate", "--no-input", "-v", "0")
    _manage("import_territory")
    _manage("load_demo")
    from ancrage.referentiel.models import Release

    if not Release.objects.filter(source=Release.Source.ROME).exists():
        print(
            "Métiers et compétences : la démonstration utilise un vocabulaire de départ "
            "(environ 120 métiers du ROME).\n"
            "Pour importer le ROME complet, téléchargez les fichiers CSV du ROME 4.0 sur "
            "https://francetravail.org/opendata/repertoire-operationnel-des-meti.html\n"
            "puis lancez : ancrage import-rome CHEMIN (dossier ou archive zip publiée).\n"
            "Pour relier le ROME au référentiel européen, téléchargez ESCO en français "
            "(format CSV) sur https://esco.ec.europa.eu/fr/use-esco/download\n"
            "puis lancez : ancrage import-esco CHEMIN --lang fr\n"
        )
    if args.no_serve:
        return
    # The demo runs with production settings (hashed static files, no DEBUG).
    _manage("collectstatic", "--no-input", "-v", "0")
    worker = subprocess.Popen([sys.executable, "-m", "ancrage.cli", "worker"])
    try:
        _serve(args.bind or f"127.0.0.1:{DEMO_PORT}", workers=2)
    finally:
        worker.terminate()


def _serve(bind, workers):
    from gunicorn.app.wsgiapp import run

    sys.argv = [
        "gunicorn",
        "ancrage.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
        "--config",
        "python:ancrage.gunicorn_conf",
    ]
    run()


def cmd_serve(args):
    _setup()
    _manage("collectstatic", "--no-input", "-v", "0")
    _serve(args.bind, args.workers)


def cmd_worker(args):
    _setup()
    _manage("db_worker", "--queue-name", "*")


def cmd_passthrough(args):
    _setup()
    _manage(args.command_name, *args.rest)


def cmd_manage(args):
    _setup()
    _manage(*args.rest)


class FrenchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="utilisation : ")


class FrenchArgumentParser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {message}\n")


def _parser(parent=None, name=None, **kwargs):
    """An argument parser whose own words (usage, options, help) are French."""
    kwargs.setdefault("formatter_class", FrenchHelpFormatter)
    add_help = kwargs.pop("add_help", True)
    if parent is None:
        parser = FrenchArgumentParser(add_help=False, **kwargs)
    else:
        parser = parent.add_parser(name, add_help=False, prog=f"ancrage {name}", **kwargs)
    parser._optionals.title = "options"
    parser._positionals.title = "arguments"
    if add_help:
        parser.add_argument("-h", "--help", action="help", help="affiche cette aide et quitte")
    return parser


def build_parser():
    parser = _parser(
        prog="ancrage",
        description="Ancrage, la GPEC territoriale des clusters d'entreprises.",
        epilog="Sans DATABASE_URL, une base PostgreSQL embarquée démarre sous var/.",
    )
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="commande", title="commandes"
    )

    demo = _parser(
        sub,
        "demo",
        help="prépare la base, charge les données de démonstration et sert l'application",
    )
    demo.add_argument("--bind", help=f"adresse d'écoute (défaut : 127.0.0.1:{DEMO_PORT})")
    demo.add_argument(
        "--no-serve", action="store_true", help="charge les données sans démarrer le serveur"
    )
    demo.set_defaults(func=cmd_demo)

    serve = _parser(sub, "serve", help="sert l'application avec gunicorn (production)")
    serve.add_argument("--bind", default="127.0.0.1:8000", help="adresse d'écoute")
    serve.add_argument("--workers", type=int, default=3, help="nombre de processus web")
    serve.set_defaults(func=cmd_serve)

    worker = _parser(sub, "worker", help="exécute les tâches de fond (envoi des courriels…)")
    worker.set_defaults(func=cmd_worker)

    for name, command, help_text in (
        (
            "import-territory",
            "import_territory",
            "importe ou met à jour régions, départements, communes, zones d'emploi et bassins",
        ),
        ("import-rome", "import_rome", "importe ou met à jour le ROME 4.0 (France Travail)"),
        ("import-esco", "import_esco", "importe ESCO (Commission européenne) et le relie au ROME"),
        ("normalize", "normalize", "propose les métiers ROME d'un intitulé de poste"),
        ("extract-skills", "extract_skills", "repère les compétences ROME d'un texte"),
        (
            "import-members",
            "import_members",
            "importe les adhérents d'un cluster et leur matrice (XLSX ou CSV)",
        ),
    ):
        passthrough = _parser(sub, name, help=help_text, add_help=False)
        passthrough.set_defaults(func=cmd_passthrough, command_name=command, passthrough=True)

    manage = _parser(sub, "manage", help="passe la commande à manage.py de Django", add_help=False)
    manage.set_defaults(func=cmd_manage, passthrough=True)
    return parser


def main(argv=None):
    parser = build_parser()
    # Pass-through commands hand every further argument (options included,
    # e.g. `ancrage manage migrate --plan`) to Django's command.
    args, rest = parser.parse_known_args(argv)
    if rest and not getattr(args, "passthrough", False):
        parser.error("argument(s) non reconnu(s) : " + " ".join(rest))
    args.rest = rest
    args.func(args)


if __name__ == "__main__":
    main()
