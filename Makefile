# Gongxue: `make run` serves the demo site on SQLite; `make test` runs every test against real
# PostgreSQL and Elasticsearch, started for the run and stopped after it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PGPORT ?= 5433
export ES_PORT ?= 9200

.PHONY: help venv system-deps messages makemessages run test lint format bench clean

help:
	@echo "make run    - install, migrate, load the demo and serve http://127.0.0.1:8000/"
	@echo "make test   - run all tests against real PostgreSQL and Elasticsearch"
	@echo "make lint   - ruff and the migrations check"

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	touch $@

venv: $(BIN)/.installed

# Debian packages the tests need: Chromium and CJK fonts for browser tests, gettext for catalogues.
system-deps:
	scripts/system-deps

messages: venv
	@command -v msgfmt >/dev/null || scripts/system-deps gettext
	$(BIN)/python manage.py compilemessages -v0 --ignore=.venv

makemessages: venv
	$(BIN)/python manage.py makemessages -l zh_Hans -l en --ignore=.venv --ignore=.cache --no-obsolete
	$(BIN)/python manage.py makemessages -d djangojs -l zh_Hans -l en --ignore=.venv --ignore=.cache --ignore=collected-static --no-obsolete

run: venv messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py ensure_admin
	$(BIN)/python manage.py search_index --rebuild --if-needed
	@# The search worker applies recorded changes beside the server and stops with it.
	$(BIN)/python manage.py db_worker --backend search --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: venv
	@! git grep -nE '^(<<<<<<<|>>>>>>>)( |$$)' -- . ':!*.po' || (echo "lint: merge conflict markers above" >&2; exit 1)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: venv system-deps messages lint
	scripts/run-tests $(PYTEST_ARGS)

# Search benchmark (not a test): BENCH_ARGS="--documents 20000" for a shorter run. Elasticsearch
# gets a 2 GB heap here (the tests' 512 MB is for small indices).
bench: venv
	scripts/postgres start
	ES_JAVA_OPTS="$${ES_JAVA_OPTS:--Xms2g -Xmx2g}" scripts/elasticsearch start
	DATABASE_URL="postgres://gongxue@127.0.0.1:$(PGPORT)/gongxue" \
	ELASTICSEARCH_URL="http://127.0.0.1:$(ES_PORT)" \
	$(BIN)/python manage.py migrate --noinput --settings=bench.settings -v0 && \
	DATABASE_URL="postgres://gongxue@127.0.0.1:$(PGPORT)/gongxue" \
	ELASTICSEARCH_URL="http://127.0.0.1:$(ES_PORT)" \
	$(BIN)/python bench/search_bench.py $(BENCH_ARGS); \
	status=$$?; scripts/elasticsearch stop; scripts/postgres stop; exit $$status

clean:
	scripts/postgres stop || true
	scripts/elasticsearch stop || true
	rm -rf $(VENV) .cache db.sqlite3
