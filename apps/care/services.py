"""Contact requests: stored first, emailed after the commit, retried until sent, purged after
their retention period."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from apps.care.models import ContactRequest

logger = logging.getLogger("apps.care")


class ContactRateLimited(Exception):
    """The client has already sent as many messages as the rate limit allows this hour."""


RATE_WINDOW = datetime.timedelta(hours=1)


@transaction.atomic
def contact_request_submit(
    *, topic, name, email, phone, message, language, client_hash="", rate_limit=None
) -> ContactRequest:
    """Store the request, then (after the commit) forward it and acknowledge it by email. A
    failed email never loses the request: it stays unsent and is retried.

    With a `rate_limit`, a client (`client_hash`) that sent that many messages in the last hour
    is refused with ContactRateLimited. The count comes from the stored requests themselves,
    under a lock per client, so every app server and worker counts the same, at once."""
    if rate_limit is not None:
        with connection.cursor() as cursor:
            # One client's submissions one after the other (the lock ends with the transaction).
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_key(client_hash)])
        recent = ContactRequest.objects.filter(
            client_hash=client_hash, created_at__gte=timezone.now() - RATE_WINDOW
        ).count()
        if recent >= rate_limit:
            raise ContactRateLimited
    request = ContactRequest.objects.create(
        topic=topic,
        name=name,
        email=email,
        phone=phone,
        message=message,
        consent=True,
        language=language,
        client_hash=client_hash,
    )
    transaction.on_commit(lambda: contact_request_send(request.pk))
    return request


def _lock_key(client_hash: str) -> int:
    """A 60-bit number for PostgreSQL's advisory lock, from the client's hash."""
    return int(client_hash[:15] or "0", 16)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:150]


MAX_ATTEMPTS = 30


def _send(message) -> str:
    """Send one message; return "" or the failure's kind (never the addresses: no personal
    data in logs or in the database's error column)."""
    try:
        with get_connection() as connection:
            connection.send_messages([message])
    except Exception as exc:  # any failure of the mail server: kept, logged, retried later
        code = getattr(exc, "smtp_code", "")
        return f"{type(exc).__name__} {code}".strip()
    return ""


def contact_request_send(pk: int) -> bool:
    """Forward a stored request to its contact point, then acknowledge it to the sender; each
    is sent once (a refused acknowledgement never makes the team receive it twice). Returns
    True when the forward is done."""
    request = ContactRequest.objects.select_related("topic").filter(pk=pk).first()
    if request is None:
        return False
    if request.sent_at and request.acknowledged_at:
        return True
    recipient = request.topic.email or settings.CONTACT_FALLBACK_EMAIL
    errors = []
    with translation.override(request.language):
        if request.sent_at is None:
            error = _send(
                EmailMessage(
                    subject=_one_line(
                        _("Contact request: %(topic)s") % {"topic": request.topic.name}
                    ),
                    body=_("From: %(name)s <%(email)s>\nPhone: %(phone)s\n\n%(message)s")
                    % {
                        "name": _one_line(request.name),
                        "email": request.email,
                        "phone": request.phone or "-",
                        "message": request.message,
                    },
                    to=[recipient],
                    reply_to=[request.email],
                )
            )
            if error:
                errors.append(error)
            else:
                request.sent_at = timezone.now()
        if request.sent_at is not None and request.acknowledged_at is None:
            error = _send(
                EmailMessage(
                    subject=_("We have received your message"),
                    body=_(
                        'Hello,\n\nWe have received your message to "%(topic)s" and will '
                        "answer as soon as possible. In an emergency, call 15.\n\nThe Center "
                        "for Cancer Immunotherapy, Institut Curie"
                    )
                    % {"topic": request.topic.name},
                    to=[request.email],
                )
            )
            if error:
                errors.append(error)
            else:
                request.acknowledged_at = timezone.now()
    ContactRequest.objects.filter(pk=pk).update(
        sent_at=request.sent_at,
        acknowledged_at=request.acknowledged_at,
        send_attempts=min(request.send_attempts + 1, 32000),
        last_error="; ".join(errors)[:500],
    )
    if errors:
        logger.warning("contact request email failed", extra={"request": pk, "error": errors})
    return request.sent_at is not None


def contact_requests_retry() -> tuple[int, int]:
    """Try again the requests not fully sent (at most MAX_ATTEMPTS times each); a request being
    sent by another process is skipped. Returns (forwarded now or before, still failing)."""
    sent = failed = 0
    pending = ContactRequest.objects.filter(
        Q(sent_at__isnull=True) | Q(acknowledged_at__isnull=True),
        send_attempts__lt=MAX_ATTEMPTS,
    ).values_list("pk", flat=True)
    for pk in list(pending):
        with transaction.atomic():
            claimed = (
                ContactRequest.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
            )
            if claimed is None:
                continue
            if contact_request_send(pk):
                sent += 1
            else:
                failed += 1
    return sent, failed


def contact_requests_purge(*, months: int) -> int:
    """Delete requests older than the retention period; returns how many."""
    limit = timezone.now() - datetime.timedelta(days=round(months * 30.44))
    deleted, _details = ContactRequest.objects.filter(created_at__lt=limit).delete()
    return deleted
