"""Reading a campaign: its submitted responses loaded in one query
(`loading`), every question summarised in memory (`summaries`, `tables`,
`tension`), compared with the previous wave (`comparison`), followed across
the waves of a series (`series`), and protected by statistical secrecy when
shown outside the cluster's staff (`shared`). `report.build` puts it together
for the results page, the PDF report and the summary shared with respondents."""
