# The two commands a newcomer needs:
#   make serve   set everything up and serve the site with demo content on 127.0.0.1:8000
#   make test    run the whole test suite (SQLite unless DATABASE_URL is set)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve setup install messages migrate demo test check lint superuser clean

serve: setup
	$(BIN)/python manage.py runserver 127.0.0.1:8000

setup: install messages migrate demo

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Compiles locale/*/LC_MESSAGES/django.po with Babel, so GNU gettext is not needed.
messages: install
	$(BIN)/pybabel compile --statistics -d locale -D django

migrate: install
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py load_demo

# The Nu HTML Checker and axe-core, which the tests run on the pages (package.json).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

test: install messages node_modules/.installed
	$(BIN)/python -m pytest

# What CI checks besides the tests.
check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

superuser: migrate
	$(BIN)/python manage.py createsuperuser

clean:
	rm -rf $(VENV) var node_modules
