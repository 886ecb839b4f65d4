"""One flow for every form posted from a page part (a deal panel, the composer …):
validate → call the service → answer htmx with the part, or a plain POST with a page.

- Saved: htmx gets the part re-rendered with ``done`` as its status; a plain POST is
  redirected to ``answer.back`` with ``done`` as a message.
- Refused (by the form or by the service, whose ValidationError lands on the field it
  names): htmx gets the part with the bound form and its errors; a plain POST gets the
  whole page with them. Both with status 200, like every form of the app, so htmx swaps
  them without special handling.

Services are atomic, so a refusal leaves nothing half-written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from goodfit.core.extensions import NO_FORMS, BoundForms
from goodfit.core.forms import add_service_errors
from goodfit.core.htmx import wants_fragment


@dataclass(frozen=True)
class Answer:
    """How a view answers: ``fragment(refused, status, extra)`` for htmx,
    ``page(refused)`` for a refused plain POST, ``back`` for a saved one."""

    fragment: Callable[[BoundForms, str, Mapping[str, Any]], HttpResponse]
    page: Callable[[BoundForms], HttpResponse]
    back: str


def answer(
    request: HttpRequest,
    how: Answer,
    done: str = "",
    refused: BoundForms = NO_FORMS,
    extra: Mapping[str, Any] = NO_FORMS,
) -> HttpResponse:
    """Answer a post that ``refused`` some forms (or none: then ``done`` says what was done).

    ``extra`` adds to what the fragment shows (a link just made …).
    """
    if wants_fragment(request):
        return how.fragment(refused, "" if refused else done, extra)
    if refused:
        return how.page(refused)
    if done:
        messages.success(request, done)
    return redirect(how.back)


def form_submit(
    request: HttpRequest,
    how: Answer,
    name: str,
    form: forms.Form,
    write: Callable[[dict[str, Any]], Any],
    done: str | Callable[[Any], str],
) -> HttpResponse:
    """Validate ``form``, call ``write(cleaned_data)``, answer; ``name`` is the form's name
    in the part's template, ``done`` the status (or makes it from what ``write`` returned)."""
    if form.is_valid():
        try:
            result = write(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return answer(request, how, done(result) if callable(done) else done)
    return answer(request, how, refused={name: form})
