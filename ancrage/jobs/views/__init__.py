"""Views of the job offers: the member company's screens (`company`), and
the other parts' modules beside it."""
