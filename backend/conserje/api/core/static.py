"""Serves the built SPA at ``/`` and the Swagger UI assets (no CDN)."""
from __future__ import annotations

from pathlib import Path

from flask import Flask, abort, current_app, send_from_directory
from swagger_ui_bundle import swagger_ui_path

SPA_MISSING = (
    "<!doctype html><title>Conserje</title><h1>Conserje API is running</h1>"
    "<p>The web app is not built: run <code>make build</code>. API docs: "
    "<a href='/api/docs'>/api/docs</a>.</p>"
)


def register_static(app: Flask) -> None:
    @app.get("/api/docs/assets/<path:filename>")
    def swagger_assets(filename: str):
        return send_from_directory(str(swagger_ui_path), filename, max_age=86400)

    @app.get("/", defaults={"path": ""})
    @app.get("/<path:path>")
    def spa(path: str):
        if path.startswith("api/"):
            abort(404)
        dist = Path(current_app.config["FRONTEND_DIST"])
        if path and (dist / path).is_file():
            return send_from_directory(dist, path)
        if (dist / "index.html").is_file():
            # Client-side routes (``/units/12``) all load the SPA shell.
            return send_from_directory(dist, "index.html", max_age=0)
        return SPA_MISSING, 200, {"Content-Type": "text/html; charset=utf-8"}
