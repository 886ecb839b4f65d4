"""The REST API: one NinjaAPI at /api/v1/, one router per app.

Errors are JSON ``{"detail": [{"field": ..., "message": ...}]}`` with status 422 for bad
input, 409 for a stale version, 404 for anything outside the caller's team.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer

from goodfit.core.services import token_authenticate
from goodfit.pipeline.exceptions import StaleVersionError


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_authenticate(token)
        # A member removed from the team keeps their user row; their token opens nothing.
        membership = getattr(user, "membership", None)
        if user is None or membership is None or not membership.is_active:
            return None
        request.user = user
        return user


class GoodfitAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Any) -> str:
        """The view's own name (`list_deals`, `log_interaction`): short, and stable when
        code moves between modules. A test keeps them unique."""
        return str(operation.view_func.__name__)


api = GoodfitAPI(
    title="goodfit API",
    version="1",
    description="The honest, fit-first sales pipeline. Authenticate with "
    "`Authorization: Bearer <token>` (create one with `goodfit token create <username>`).",
    auth=BearerToken(),
    urls_namespace="api-1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def field_errors(error: DjangoValidationError) -> list[dict[str, str]]:
    if hasattr(error, "error_dict"):
        return [
            {"field": "__all__" if field == "__all__" else field, "message": message}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"field": "__all__", "message": message} for message in error.messages]


@api.exception_handler(DjangoValidationError)
def on_django_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": field_errors(exc)}, status=422)


# ninja prefixes each error's location with where it came from ("body", "query", "path")
# and the parameter's name; callers know the field by its own name.
LOCATION_PREFIXES = {"body", "query", "path", "payload", "filters", "ninja_pagination"}


def _field_name(loc: list[object]) -> str:
    parts = [str(part) for part in loc]
    while parts and parts[0] in LOCATION_PREFIXES:
        parts.pop(0)
    return ".".join(parts) or "__all__"


@api.exception_handler(NinjaValidationError)
def on_schema_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    detail = [
        {
            "field": _field_name(list(error.get("loc", []))),
            "message": str(error.get("msg", "Invalid value.")),
        }
        for error in exc.errors
    ]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(StaleVersionError)
def on_stale_version(request: HttpRequest, exc: StaleVersionError) -> HttpResponse:
    from goodfit.pipeline.schemas.deals import deal_as_json

    body = {
        "detail": [{"field": "version", "message": str(exc)}],
        "current_version": exc.current.version,
        "current": deal_as_json(exc.current),
    }
    return api.create_response(request, body, status=409)


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    message = str(exc) or "You do not have permission to do this."
    return api.create_response(
        request, {"detail": [{"field": "__all__", "message": message}]}, status=403
    )


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    message = "Send a valid token as `Authorization: Bearer <token>`."
    return api.create_response(
        request, {"detail": [{"field": "__all__", "message": message}]}, status=401
    )


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    message = "Not found: there is no such object in your team."
    return api.create_response(
        request, {"detail": [{"field": "__all__", "message": message}]}, status=404
    )


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """Ninja's own refusals, such as a body that is not JSON (400)."""
    message = str(exc)
    if exc.status_code == 400:
        message = "The request body is not valid JSON; send a JSON object."
    return api.create_response(
        request, {"detail": [{"field": "__all__", "message": message}]}, status=exc.status_code
    )


def register_routers() -> None:
    """Routers are added here, one per app, so the URL conf imports a complete API."""
    from goodfit.core.api import router as core_router
    from goodfit.debriefs.api import router as debriefs_router
    from goodfit.fit.api import router as fit_router
    from goodfit.followups.api import router as followups_router
    from goodfit.money.api import router as money_router
    from goodfit.pipeline.api import router as pipeline_router

    api.add_router("/", core_router)
    api.add_router("/", pipeline_router)
    for router in (fit_router, money_router, followups_router, debriefs_router):
        api.add_router("/", router)


register_routers()
