# One backend image for the api, worker and scheduler roles (see docker-compose.yml).
FROM node:20-bookworm-slim AS spa
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci
COPY frontend/ ./
RUN npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml constraints.txt README.md alembic.ini ./
COPY backend/ backend/
COPY training/ training/
COPY db/ db/
# EXTRAS=training builds a worker image that can fine-tune detectors (adds ~6 GB).
ARG EXTRAS=""
RUN pip install -c constraints.txt -e ".${EXTRAS:+[$EXTRAS]}" \
 && if [ -n "$EXTRAS" ]; then pip install --force-reinstall --no-deps -c constraints.txt \
      opencv-contrib-python-headless==4.14.0.94; fi
COPY --from=spa /src/frontend/dist frontend/dist
RUN useradd --create-home conserje && mkdir -p /models && chown conserje /models
USER conserje
EXPOSE 8000
CMD ["conserje", "serve", "--host", "0.0.0.0", "--port", "8000"]
