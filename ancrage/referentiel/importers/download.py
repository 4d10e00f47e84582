"""Download of the ROME publication, for machines that are online."""

import http.client
import tempfile
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from ancrage.referentiel.importers.csvfiles import MAX_FILE_BYTES, ImportFailed

TIMEOUT = 60
CHUNK = 1024 * 1024
OFFLINE_HINT = (
    "Cette machine est-elle reliée à Internet ? Sinon, téléchargez l'archive depuis un autre "
    "poste et donnez son chemin : ancrage import-rome CHEMIN.zip"
)


@contextmanager
def downloaded(url, timeout=TIMEOUT):
    """The path of a temporary copy of `url`, removed on leaving."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise ImportFailed([f"Adresse de téléchargement invalide « {url} » (http ou https)."])
    with tempfile.TemporaryDirectory(prefix="ancrage-rome-") as folder:
        path = Path(folder) / "rome.zip"
        _fetch(url, path, timeout)
        yield path


def _fetch(url, path, timeout):
    # The scheme was checked by `downloaded`: http or https only.
    request = urllib.request.Request(url, headers={"User-Agent": "Ancrage (import du ROME)"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response, path.open("wb") as out:  # noqa: S310
            copied = 0
            while chunk := response.read(CHUNK):
                copied += len(chunk)
                if copied > MAX_FILE_BYTES:
                    raise ImportFailed([f"Téléchargement interrompu : {url} dépasse 200 Mo."])
                out.write(chunk)
            announced = response.headers.get("Content-Length", "")
            if announced.isdigit() and copied < int(announced):
                raise ImportFailed([f"{interrupted(url)} ({copied} octets reçus sur {announced})."])
    except urllib.error.HTTPError as error:
        error.close()
        raise ImportFailed(
            [f"Téléchargement impossible : {url} répond « {error.code} {error.reason} »."]
        ) from None
    except http.client.IncompleteRead:
        raise ImportFailed([f"{interrupted(url)}."]) from None
    except http.client.HTTPException as error:
        raise ImportFailed(
            [
                f"Téléchargement impossible depuis {url} : réponse du serveur illisible "
                f"({type(error).__name__}) ; réessayez plus tard."
            ]
        ) from None
    except urllib.error.URLError as error:
        raise ImportFailed(
            [f"Téléchargement impossible depuis {url} ({error.reason}). {OFFLINE_HINT}"]
        ) from None
    except (TimeoutError, OSError) as error:
        raise ImportFailed(
            [f"Téléchargement impossible depuis {url} ({error}). {OFFLINE_HINT}"]
        ) from None


def interrupted(url):
    return (
        f"Téléchargement interrompu : la connexion à {url} a été coupée avant la fin du "
        "fichier ; relancez la commande"
    )
