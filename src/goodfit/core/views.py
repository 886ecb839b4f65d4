from __future__ import annotations

from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import connection
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.urls import NoReverseMatch, reverse
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from goodfit.core.login_throttle import login_failure_noted, login_wait_seconds
from goodfit.core.models import Membership


def landing_url(user: object) -> str:
    """Where a member starts: a rep on Today (their calls and follow-ups due), a manager
    on the board (the whole pipeline). Today comes from the follow-ups capability; without
    it everyone starts on the board."""
    try:
        is_manager = user.membership.is_manager  # type: ignore[attr-defined]
    except (AttributeError, Membership.DoesNotExist):
        is_manager = False
    if not is_manager:
        try:
            return reverse("today")
        except NoReverseMatch:
            pass
    return reverse("board")


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and uptime checks: the app answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


class LoginView(auth_views.LoginView):
    """Sign in, then land on the page for the member's role (unless ?next= says where)."""

    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return landing_url(self.request.user)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = str(request.POST.get("username", ""))[:150]
        # A lockout of this username at this address is django-axes' to answer.
        locked = AxesProxyHandler.is_locked(request, {"username": username})
        wait = 0 if locked else login_wait_seconds(username)
        if wait:
            # Not checked at all: the password is not even tried until the wait is over.
            form = self.get_form()
            form._errors, form.cleaned_data = ErrorDict(), {}
            form.add_error(
                None,
                f"Several sign-ins for this account failed in the last minutes, so each try "
                f"waits a little: try again in {wait} second{'s' if wait != 1 else ''}.",
            )
            response = self.render_to_response(self.get_context_data(form=form), status=429)
            response["Retry-After"] = str(wait)
            return response
        response = super().post(request, *args, **kwargs)
        if response.status_code == 200:  # the form came back: the sign-in failed
            login_failure_noted(username)
        return response


# --- Error pages ---------------------------------------------------------------------
# Each page uses the app's layout with a way back to Today and the board. API clients get
# the API's JSON shape instead. The header carries one sentence for htmx requests, which
# app.js shows in a toast (htmx does not swap error pages into the page).

ERRORS: dict[int, tuple[str, str]] = {
    400: ("Bad request", "goodfit could not understand that request; nothing was changed."),
    403: ("Not allowed", "Your account cannot do that; nothing was changed."),
    404: ("Not found", "That is no longer there, or your account cannot see it."),
    500: (
        "Something went wrong",
        "Something went wrong on the server; nothing was saved. Try again in a moment.",
    ),
}
CSRF_TITLE = "This form has expired"
CSRF_MESSAGE = "This form had expired, so nothing was saved. Reload the page and try again."


def _error_response(
    request: HttpRequest | None, code: int, *, template: str, title: str, message: str
) -> HttpResponse:
    if request is not None and request.path.startswith("/api/"):
        body = {"detail": [{"field": "__all__", "message": message}]}
        return JsonResponse(body, status=code)
    context = {"error_code": code, "error_title": title}
    html = loader.get_template(template).render(context, request)
    response = HttpResponse(html, status=code)
    response["X-Goodfit-Message"] = message
    return response


def _too_big(exception: Exception) -> str:
    """What was too big and the limit, when Django refused the body for its size."""
    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
        return (
            f"The request body is larger than {limit // 1024:,} KB, the most goodfit takes; "
            "nothing was changed. Send less at a time."
        )
    if isinstance(exception, TooManyFieldsSent):
        return (
            f"The form sends more than {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:,} fields, the "
            "most goodfit takes; nothing was changed."
        )
    return ""


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    title, message = ERRORS[400]
    message = _too_big(exception) or message
    return _error_response(request, 400, template="400.html", title=title, message=message)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    title, message = ERRORS[403]
    return _error_response(request, 403, template="403.html", title=title, message=message)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    title, message = ERRORS[404]
    return _error_response(request, 404, template="404.html", title=title, message=message)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the request: no session, user or database query that could fail
    again while reporting the first failure."""
    title, message = ERRORS[500]
    if request.path.startswith("/api/"):
        return _error_response(request, 500, template="500.html", title=title, message=message)
    return _error_response(None, 500, template="500.html", title=title, message=message)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error_response(
        request, 403, template="403_csrf.html", title=CSRF_TITLE, message=CSRF_MESSAGE
    )
