"""Every error the API returns, mapped to an HTTP status in one place, in one shape.

    {"error": {"type": "NotFound", "message": "no observation 9 in ...", "detail": ...}}

``type`` is the exception class name (a client can branch on it), ``message`` is what
a person can act on, ``detail`` carries structured extras (the rejected row's field,
the validation errors of a request, the parameter, value and choices of a bad
parameter value) or null.

An unknown resource named in the path (``/api/indicators/nope``,
``/api/observations/9/provenance``) is 404; a query parameter whose value cannot be
right (``period=2023-13``, ``province=999999``, ``format=xml``) is 422.

>>> import json
>>> body = error_response(InvalidParameter("format", "xml", ["json", "csv"])).body
>>> json.loads(body)["error"]["detail"]
{'parameter': 'format', 'value': 'xml', 'choices': ['json', 'csv']}
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from indmon import errors as e
from indmon.intake.readers.limits import FileOverLimit


class PayloadTooLarge(e.IndmonError):
    """A request body, upload or record batch is over the configured limit."""


class FeatureUnavailable(e.IndmonError):
    """The part of indmon that serves this request is not installed in this build."""


class InvalidParameter(e.ConfigError):
    """A query parameter's value cannot be right: it names no period, code or format.

    The message names the parameter and the value and says what is accepted; ``choices``
    lists the accepted values where they are few enough to list (in ``detail``)."""

    def __init__(self, parameter: str, value: str, choices: Sequence[str] = (),
                 message: str = "") -> None:
        if not message:
            shown = ", ".join(list(choices)[:12]) + (", ..." if len(choices) > 12 else "")
            message = f"{parameter} {value!r} is not one of {shown}"
        super().__init__(message)
        self.parameter = parameter
        self.value = value
        self.choices = list(choices)


#: most specific first: the first class an exception is an instance of decides
STATUS: tuple[tuple[type[e.IndmonError], int], ...] = (
    (e.Unauthenticated, 401),
    (e.AccessDenied, 403),
    (e.NotFound, 404),
    (e.UnknownCode, 404),
    (PayloadTooLarge, 413),
    (FileOverLimit, 413),
    (InvalidParameter, 422),
    (e.PeriodError, 422),
    (e.RejectedRow, 422),
    (e.UnreadableFile, 422),
    (e.IntakeError, 422),
    (e.ConfigError, 400),
    (e.CatalogueError, 400),
    (e.ExtractError, 422),
    (e.ReportError, 500),
    (e.ComputeError, 500),
    (FeatureUnavailable, 501),
    (e.StoreError, 503),
)


class ErrorInfo(BaseModel):
    type: str = Field(description="the error's kind (an exception class name): a client "
                      "may branch on it")
    message: str = Field(description="what went wrong and what to do about it")
    detail: Any = Field(None, description="structured extras: the parameter, value and "
                        "choices of a bad parameter; the file, row and field of a rejected "
                        "row; the problems of a request that is not valid; or null")


class ErrorBody(BaseModel):
    """The one shape of every error the API returns."""

    error: ErrorInfo


#: what each error status means, as the OpenAPI description lists it
ERROR_DESCRIPTIONS: dict[int, str] = {
    400: "The request cannot be carried out as sent; the message says why and what to send",
    401: "No token, or one that is unknown, revoked or expired (send 'Authorization: "
         "Bearer <token>')",
    403: "The caller's role or scope does not allow this",
    404: "Nothing by that id or code (an alert out of the caller's scope reads as missing)",
    413: "The body, upload or batch is over the server's limits (size, inflated size, rows, "
         "columns or reading time)",
    422: "A parameter, field, file or row is not valid; detail names it",
    500: "Producing the answer failed; the message says what is missing",
    503: "The store is held by other indmon commands; try again when they are done",
}
#: the errors any route that checks the caller may answer with
ACCESS = (401, 403)


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entries of a route for these error statuses, in the error shape.

    >>> sorted(error_responses(401, 404))
    [401, 404]
    """
    return {status: {"model": ErrorBody, "description": ERROR_DESCRIPTIONS[status]}
            for status in sorted(set(statuses))}


def parse_json(body: bytes) -> Any:
    """A request body as JSON, or ``ConfigError`` (400) saying why it is not: not JSON,
    or nested deeper than the parser goes (thousands of ``[`` once ended in a 500)."""
    try:
        return json.loads(body)
    except RecursionError:
        raise e.ConfigError(_TOO_DEEP) from None
    except ValueError as exc:
        raise e.ConfigError(f"the body is not valid JSON: {exc}") from None


_TOO_DEEP = ("the body is nested too deeply to read (arrays or objects inside each other "
             "hundreds of levels deep); send the documented shape")


def status_for(exc: e.IndmonError) -> int:
    for cls, status in STATUS:
        if isinstance(exc, cls):
            return status
    return 500


def error_body(kind: str, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"type": kind, "message": message, "detail": detail}}


def _detail(exc: e.IndmonError) -> dict[str, Any] | None:
    if isinstance(exc, e.RejectedRow):
        return {"file": exc.file, "row": exc.row, "field": exc.field, "reason": exc.reason}
    if isinstance(exc, FileOverLimit):
        return {"file": Path(exc.file).name, "limit": exc.limit, "value": exc.value,
                "maximum": exc.maximum, "setting": exc.setting}
    if isinstance(exc, e.UnreadableFile):
        return {"file": Path(exc.file).name, "tried": exc.tried}
    if isinstance(exc, e.UnknownCode):
        return {"kind": exc.kind, "code": exc.code}
    if isinstance(exc, InvalidParameter):
        return {"parameter": exc.parameter, "value": exc.value, "choices": exc.choices}
    if isinstance(exc, e.PeriodError):
        return {"value": exc.value, "expected": exc.expected}
    return None


def error_response(exc: e.IndmonError) -> JSONResponse:
    status = status_for(exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    body = error_body(type(exc).__name__, str(exc), _detail(exc))
    return JSONResponse(body, status_code=status, headers=headers)


async def _indmon_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, e.IndmonError)
    return error_response(exc)


async def _validation_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        {"where": ".".join(str(p) for p in err.get("loc", ())), "problem": err.get("msg", "")}
        for err in exc.errors()
    ]
    where = "; ".join(f"{p['where']}: {p['problem']}" for p in problems[:5])
    body = error_body("InvalidRequest", f"the request is not valid: {where}", problems)
    return JSONResponse(body, status_code=422)


async def http_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    names = {404: "NotFound", 405: "MethodNotAllowed", 413: "PayloadTooLarge"}
    kind = names.get(exc.status_code, "HTTPError")
    message = str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such route {request.url.path}; the API is listed at /docs"
    if exc.status_code == 400 and message == "There was an error parsing the body":
        # FastAPI's words for a body that is not JSON, or nested too deeply to parse
        kind, message = "InvalidRequest", (
            "the body could not be read as JSON: it is not JSON, or it is nested too "
            "deeply; send the documented shape")
    return JSONResponse(error_body(kind, message), status_code=exc.status_code,
                        headers=exc.headers)


async def _too_deep_handler(request: Request, exc: Exception) -> JSONResponse:
    """Deeply nested input that reached a recursive parser or validator: a 400, not a 500."""
    return JSONResponse(error_body("InvalidRequest", _TOO_DEEP), status_code=400)


def unexpected_response(exc: BaseException | None = None) -> JSONResponse:
    """The 500 of an error no handler expected, in the one shape."""
    body = error_body(
        "InternalError",
        "the server failed on this request; the server log has the traceback",
        {"exception": type(exc).__name__} if exc is not None else None,
    )
    return JSONResponse(body, status_code=500)


async def _unexpected_handler(request: Request, exc: Exception) -> JSONResponse:
    return unexpected_response(exc)


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one JSON shape."""
    app.add_exception_handler(e.IndmonError, _indmon_handler)
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_exception_handler(RecursionError, _too_deep_handler)
    app.add_exception_handler(Exception, _unexpected_handler)
