"""Test settings: the production module with plain HTTP and a fast password hasher."""

import os
import tempfile

os.environ.setdefault("GOODFIT_HTTPS", "0")
os.environ.setdefault("GOODFIT_DATA_DIR", tempfile.mkdtemp(prefix="goodfit-test-"))
os.environ.setdefault("GOODFIT_SECRET_KEY", "test-secret-key-not-for-production-" + "x" * 20)
# Playwright's sync API runs an event loop in the test thread; the ORM calls are still sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from goodfit.settings import *  # noqa: F403

# Argon2 is the production hasher (tested in tests/core/test_security.py); MD5 keeps
# the hundreds of test users fast.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_ENABLED = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Background tasks run at once, in the test's transaction.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
