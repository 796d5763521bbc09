"""What a browser may do with this server's answers: the Content-Security-Policy and the
other security headers every response carries.

The dashboard's pages load their own script (/static/app.js) and stylesheet only: no
inline script, no event-handler attribute, no inline style attribute. A page that needs
a style block of its own (the province map's tile positions and colours) marks it with
the response's nonce (``csp_nonce(request)``). A standalone document the server renders
(the report card, with its inline SVG charts) gets a policy of its own listing the
hashes of exactly the styles it carries, and no script at all (``document_policy``).

>>> policy = document_policy('<style>p{}</style><b style="fill: red">x</b>')
>>> "script-src 'none'" in policy and "'unsafe-hashes'" in policy
True
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import secrets

from fastapi import Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from indmon.web import errors as web_errors

#: what a page of this server may load and do: its own scripts, styles, fonts and images
#: only (no inline script, no inline style but the blocks carrying the response's nonce),
#: no plugins, never framed, forms posted only here
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-{nonce}'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
}


def csp_nonce(request: Request) -> str:
    """The nonce of this response's Content-Security-Policy, for a page's style block."""
    nonce: str = getattr(request.state, "csp_nonce", "")
    return nonce


NONE = "'none'"
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def document_policy(document: str) -> str:
    """The policy of a standalone HTML document: no script, its own links and images
    (data: ones included), and of styles exactly the blocks and attributes it holds."""
    blocks = {_hash(found) for found in _STYLE_BLOCK.findall(document)}
    attributes = {_hash(html.unescape(a or b)) for a, b in _STYLE_ATTRIBUTE.findall(document)}
    styles = " ".join(sorted(blocks) + (["'unsafe-hashes'", *sorted(attributes)]
                                        if attributes else []))
    return ("default-src 'none'; script-src 'none'; "
            f"style-src {styles or NONE}; "
            "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'")


class SecurityHeaders:
    """Every response gets a Content-Security-Policy (unless the route wrote its own, as
    the report card does for its styles), ``nosniff``, ``DENY`` framing and a same-origin
    referrer policy, error responses included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(18)
        scope.setdefault("state", {})["csp_nonce"] = nonce
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                if "content-security-policy" not in headers:
                    headers["content-security-policy"] = CONTENT_SECURITY_POLICY.format(
                        nonce=nonce)
                # a route whose policy lets other sites frame it (the embeddable chart)
                # gets no X-Frame-Options: DENY would contradict its frame-ancestors
                framable = "frame-ancestors 'none'" not in headers[
                    "content-security-policy"]
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers and not (framable and name == "x-frame-options"):
                        headers[name] = value
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as exc:
            # the server's own 500 would be sent outside this middleware, without headers
            if not started:
                await web_errors.unexpected_response(exc)(scope, receive, sending)
            raise


