"""The GPEC dashboard of a cluster (for its staff) or of a network (for the
platform's administrators, under statistical secrecy): `filters` reads the
query string, `board` computes every table and chart once per request,
`exports` writes them to one XLSX workbook."""
