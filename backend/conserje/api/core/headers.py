"""Security headers on every response, and a Content Security Policy for the SPA.

The SPA loads only its own scripts (Vite emits no inline script), talks only to this
origin (API, live events), shows photos from blob:/data: URLs and the webcam, and is never
framed. Swagger UI's page (``/api/docs``) initialises itself with an inline script, so it
gets no CSP (it serves no user content).
"""
from __future__ import annotations

from flask import Flask, Response, request

SPA_CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    # React's style={{...}} attributes are inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))


def register_security_headers(app: Flask) -> None:
    """Add the headers to every response of ``app``."""

    @app.after_request
    def _security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("X-Frame-Options", "DENY")
        # The kiosk needs the camera of this origin; nothing needs the rest.
        headers.setdefault("Permissions-Policy",
                           "camera=(self), microphone=(), geolocation=(), payment=()")
        if response.mimetype == "text/html" and not request.path.startswith("/api/docs"):
            headers.setdefault("Content-Security-Policy", SPA_CSP)
        return response
