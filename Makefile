# Center for Cancer Immunotherapy portal. `make run` and `make test` do all the set-up themselves.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
PORT ?= 8000
HOST ?= 127.0.0.1
MANAGE := $(BIN)/python manage.py
TOOLS := tests/tools
IS_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo yes)

.PHONY: help run test bench lint format db migrate messages makemessages static demo admin \
        admin-password serve system-deps test-system-deps bench-system-deps backup restore \
        test-tools migrations-check clean

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

# Python environment --------------------------------------------------------------------------
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMPS)/deps: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/dev-deps: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@mkdir -p $(STAMPS) && touch $@ $(STAMPS)/deps

# Programs from the system: gettext for the French catalogue --------------------------------------
system-deps:
	@if ! command -v msgfmt >/dev/null; then \
	  if [ "$(IS_ROOT)" = yes ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	  else echo "Please install gettext (Debian/Ubuntu: sudo apt-get install gettext)"; exit 1; fi; fi

# Database --------------------------------------------------------------------------------------
db: $(STAMPS)/deps ## make sure PostgreSQL runs and the database exists
	bin/ensure-postgres
	$(MANAGE) ensure_database

migrate: db
	$(MANAGE) migrate --noinput

messages: system-deps $(STAMPS)/deps ## compile the French catalogue
	$(MANAGE) compilemessages --ignore=.venv --ignore=tests -v0

makemessages: system-deps $(STAMPS)/deps ## refresh locale/fr from the code and templates
	$(MANAGE) makemessages -l fr --no-obsolete --ignore=.venv --ignore=tests --ignore=staticfiles
	@# gettext's guesses ("fuzzy") are often wrong (a URL for another URL): empty them instead.
	msgattrib --clear-fuzzy --empty -o locale/fr/LC_MESSAGES/django.po locale/fr/LC_MESSAGES/django.po

static: $(STAMPS)/deps
	$(MANAGE) collectstatic --noinput -v0

demo: migrate ## load the demo content (idempotent)
	$(MANAGE) load_demo

admin: migrate
	$(MANAGE) ensure_admin

admin-password: migrate ## give the demo admin account a new random password
	$(MANAGE) ensure_admin --reset

# The two commands ------------------------------------------------------------------------------
run: messages static demo admin ## set everything up and serve the site on http://127.0.0.1:$(PORT)
	@echo
	@echo "  Site:   http://$(HOST):$(PORT)/"
	@echo "  Admin:  http://$(HOST):$(PORT)/admin/"
	@echo
	PORT=$(PORT) HOST=$(HOST) $(BIN)/gunicorn -c center_portal/gunicorn.conf.py center_portal.wsgi

test-system-deps: system-deps
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
	  if [ "$(IS_ROOT)" = yes ] && command -v apt-get >/dev/null; then \
	    echo "Installing:$$missing"; apt-get update -qq; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing fonts-dejavu-core >/dev/null; \
	  else echo "Please install:$$missing (Debian packages)"; exit 1; fi; fi

$(TOOLS)/node_modules/.installed: $(TOOLS)/package.json $(TOOLS)/package-lock.json
	cd $(TOOLS) && npm ci --no-audit --no-fund --ignore-scripts --silent
	@touch $@

test-tools: test-system-deps $(TOOLS)/node_modules/.installed

migrations-check: $(STAMPS)/dev-deps
	DJANGO_ENV=test $(MANAGE) makemigrations --check --dry-run >/dev/null || \
	  (echo "Model changes without migrations: run makemigrations." && exit 1)

lint: $(STAMPS)/dev-deps ## ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMPS)/dev-deps
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(STAMPS)/dev-deps test-tools db messages migrations-check lint ## the whole suite, on PostgreSQL and Chromium
	$(BIN)/pytest $(PYTEST_ARGS)

bench-system-deps: system-deps
	@missing=""; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
	  if [ "$(IS_ROOT)" = yes ] && command -v apt-get >/dev/null; then \
	    echo "Installing:$$missing"; apt-get update -qq; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Please install:$$missing (Debian packages)"; exit 1; fi; fi

bench: $(STAMPS)/dev-deps bench-system-deps db messages static ## throughput at institute scale against a bare view, query counts, search
	$(BIN)/python -m tests.bench

backup: db ## back up the database and the media (var/backups/<UTC time>/, or BACKUP=folder)
	$(MANAGE) backup $(BACKUP)

restore: db ## restore BACKUP=folder into the (empty) database and media storage of the settings
	@test -n "$(BACKUP)" || (echo "Say which backup: make restore BACKUP=var/backups/<time>" && exit 1)
	$(MANAGE) restore $(BACKUP)

clean:
	rm -rf $(STAMPS) staticfiles .pytest_cache
