# Conserje developer commands. The two that matter:
#   make dev    set up everything and serve the demo on http://127.0.0.1:5000
#   make test   run every test (Python on SQLite, or on PostgreSQL with
#               CONSERJE_TEST_DATABASE_URL; SPA unit tests; Playwright end-to-end)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export CONSERJE_SECRET_KEY ?= $(shell scripts/dev-secret.sh)

.PHONY: dev deps python-deps training-deps frontend-deps build db serve test test-python test-frontend \
        test-e2e openapi client lock clean

dev: deps build db serve

deps: python-deps frontend-deps

python-deps: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

# The worker's training extra (ultralytics + torch, ~6 GB): the tests fine-tune a detector.
# ultralytics pulls other OpenCV wheels that overwrite cv2's files: the contrib build,
# the one deepface needs, is reinstalled last.
training-deps: $(VENV)/.training-installed
$(VENV)/.training-installed: $(VENV)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev,training]"
	$(BIN)/pip install --quiet --force-reinstall --no-deps -c constraints.txt \
	  opencv-contrib-python-headless==4.14.0.94
	touch $@

frontend-deps: frontend/node_modules/.installed
frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

build: frontend-deps
	cd frontend && npm run build

db: python-deps
	$(BIN)/conserje init-db
	$(BIN)/conserje seed-demo

serve: python-deps
	$(BIN)/conserje serve --port $(PORT)

test: deps test-python test-frontend test-e2e

test-python: python-deps training-deps
	$(BIN)/ruff check backend training tests bench db
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q

test-frontend: frontend-deps
	cd frontend && npm run lint && npm run typecheck && npm test

test-e2e: deps build
	scripts/ensure-chromium.sh
	cd frontend && npx playwright test

# Regenerate the OpenAPI document and the SPA's typed client after API changes.
openapi: python-deps
	$(BIN)/conserje openapi --output frontend/openapi.json
client: openapi frontend-deps
	cd frontend && npm run gen:api

# Refresh the pinned versions after changing dependencies in pyproject.toml.
lock:
	rm -rf /tmp/conserje-lock && $(PYTHON) -m venv /tmp/conserje-lock
	/tmp/conserje-lock/bin/pip install --quiet -e ".[dev,training]"
	/tmp/conserje-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist var
