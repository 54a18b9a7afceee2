"""Security headers on every response: a Content-Security-Policy that allows no inline script
and nothing from other origins, no MIME sniffing, no framing, no referrer leaks."""

from __future__ import annotations

from flask import Flask, Response

#: Scripts and styles come from this server only. YASGUI and Cytoscape set inline *style*
#: attributes, which 'unsafe-inline' in style-src allows; inline *scripts* stay forbidden.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _secure(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    app.after_request(_secure)
