# Set-up is incremental: each step leaves a stamp in .make/ and reruns only when its inputs change.
PYTHON_SYSTEM ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .make
RUN_PACKAGES := fonts-noto-cjk libharfbuzz-subset0 gettext
TEST_PACKAGES := $(RUN_PACKAGES) chromium chromium-driver poppler-utils redis-server
# The load benchmark drives gunicorn with wrk against PostgreSQL (psql makes its database).
BENCH_PACKAGES := wrk postgresql-client
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bench lint format audit setup setup-test db messages clean

run: setup db
	$(PY) manage.py create_demo_users
	@echo "Serving on http://$(HOST):$(PORT)/ (log in with one of the accounts above)"
	$(PY) manage.py runserver $(HOST):$(PORT)

# One pytest worker per core (pytest-xdist); each starts its own live server and Chromium when
# its first browser test asks for them. Tests that must not overlap take a file lock (the
# Celery-worker tests): pytest-xdist's xdist_group marks have no effect with pytest 9, whose
# node ids xdist can no longer suffix. TEST_WORKERS=0 runs everything in this process.
# Bytecode caching is on for the run even where the environment turns it off: each worker would
# otherwise compile every module again (about 6 s a worker).
TEST_WORKERS ?= auto
test: setup-test
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -n $(TEST_WORKERS) --dist load $(PYTEST_ARGS)

bench: setup-test system-bench
	$(PY) bench/pdf.py
	$(PY) bench/quality.py
	$(PY) bench/load.py
	$(PY) bench/render_load.py
	$(PY) bench/wording.py

# ruff, and the import contracts of .importlinter (which way imports run: docs/architecture.md).
lint: $(STAMPS)/venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-logo

# Known vulnerabilities in the pinned requirements; passes with a note when offline.
audit: $(STAMPS)/venv
	$(PY) .ci/audit.py

format: $(STAMPS)/venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

setup: system-run $(STAMPS)/venv $(STAMPS)/npm messages
setup-test: system-test $(STAMPS)/venv $(STAMPS)/npm messages

.PHONY: system-run system-test system-bench
system-run:
	@$(call ensure_packages,$(RUN_PACKAGES))
system-test:
	@$(call ensure_packages,$(TEST_PACKAGES))
system-bench:
	@$(call ensure_packages,$(BENCH_PACKAGES))

# Installs the Debian packages that are missing; only root can, others are told what to run.
define ensure_packages
missing=""; \
for pkg in $(1); do \
	dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
done; \
if [ -n "$$missing" ]; then \
	if [ "$$(id -u)" -ne 0 ]; then echo "Missing Debian packages:$$missing (run: sudo apt-get install$$missing)" >&2; exit 1; fi; \
	echo "Installing Debian packages:$$missing"; \
	export DEBIAN_FRONTEND=noninteractive; \
	apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
fi
endef

$(STAMPS)/venv: requirements.txt
	@mkdir -p $(STAMPS)
	test -x $(PY) || $(PYTHON_SYSTEM) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# XStatic-Bootstrap ships only as an sdist whose setup.py still imports pkg_resources.
	$(PY) -m pip install --quiet "setuptools==80.9.0" "wheel==0.45.1"
	$(PY) -m pip install --quiet --no-build-isolation -r requirements.txt
	@touch $@

# Front-end libraries, pinned by package-lock.json and served as static files.
$(STAMPS)/npm: package.json package-lock.json
	@mkdir -p $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

messages: $(STAMPS)/venv
	@find locale -name '*.po' | while read po; do \
		mo=$${po%.po}.mo; \
		if [ ! -f "$$mo" ] || [ "$$po" -nt "$$mo" ]; then msgfmt --check -o "$$mo" "$$po" || exit 1; fi; \
	done

db: $(STAMPS)/venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddata catalog presets challenges wording

clean:
	rm -rf $(VENV) $(STAMPS) staticfiles node_modules
