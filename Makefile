# Ancrage — every command a developer or CI needs. See README.md.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements/dev.txt package-lock.json pyproject.toml | cksum | cut -d' ' -f1)
# Production settings for `check --deploy` (no secret is real here).
DEPLOY_ENV := DATABASE_URL=postgres://check@localhost/ancrage SECRET_KEY=check-deploy-$(shell printf '%050d' 0) ALLOWED_HOSTS=ancrage.example.org DEBUG=false ANCRAGE_DEMO=false

.PHONY: install demo test quality format browsers clean

$(STAMP):
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 est requis ($(PYTHON) introuvable)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/ancrage demo

quality: install
	$(BIN)/ruff format --check ancrage tests benchmarks
	$(BIN)/ruff check ancrage tests benchmarks
	$(BIN)/djlint --check ancrage/
	$(BIN)/djlint --lint ancrage/
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(DEPLOY_ENV) $(BIN)/python manage.py check --deploy --fail-level WARNING

test: quality
	$(BIN)/pytest -n 2 --dist loadfile

format: install
	$(BIN)/ruff format ancrage tests benchmarks
	$(BIN)/ruff check --fix ancrage tests benchmarks
	$(BIN)/djlint --reformat ancrage/

clean:
	rm -rf $(VENV) node_modules var
