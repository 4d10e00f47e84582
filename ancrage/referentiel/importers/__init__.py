"""Importers of the official publications behind the référentiel: ROME 4.0
(France Travail) and ESCO (European Commission).

Each importer reads and validates every file first: any bad row stops the
import with its file, line and reason, and nothing is written. Writing then
happens in one transaction that compares with the database and only writes
what changed.
"""
