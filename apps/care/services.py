"""Contact requests: stored first, emailed after the commit, retried until sent, purged after
their retention period."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from apps.care.models import ContactRequest

logger = logging.getLogger("apps.care")


@transaction.atomic
def contact_request_submit(*, topic, name, email, phone, message, language) -> ContactRequest:
    """Store the request, then (after the commit) forward it and acknowledge it by email. A
    failed email never loses the request: it stays unsent and is retried."""
    request = ContactRequest.objects.create(
        topic=topic,
        name=name,
        email=email,
        phone=phone,
        message=message,
        consent=True,
        language=language,
    )
    transaction.on_commit(lambda: contact_request_send(request.pk))
    return request


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:150]


def contact_request_send(pk: int) -> bool:
    """Send one stored request to its contact point, with an acknowledgement to the sender.
    Returns True when sent; on failure keeps the error and returns False."""
    request = ContactRequest.objects.select_related("topic").filter(pk=pk).first()
    if request is None or request.is_sent:
        return bool(request)
    recipient = request.topic.email or settings.CONTACT_FALLBACK_EMAIL
    with translation.override(request.language):
        forward = EmailMessage(
            subject=_one_line(_("Contact request: %(topic)s") % {"topic": request.topic.name}),
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
        acknowledgement = EmailMessage(
            subject=_("We have received your message"),
            body=_(
                'Hello,\n\nWe have received your message to "%(topic)s" and will answer '
                "as soon as possible. In an emergency, call 15.\n\nThe Center for Cancer "
                "Immunotherapy, Institut Curie"
            )
            % {"topic": request.topic.name},
            to=[request.email],
        )
    ContactRequest.objects.filter(pk=pk).update(send_attempts=request.send_attempts + 1)
    try:
        with get_connection() as connection:
            connection.send_messages([forward, acknowledgement])
    except Exception as exc:  # any failure of the mail server: keep, log, retry later
        ContactRequest.objects.filter(pk=pk).update(last_error=str(exc)[:500])
        logger.warning("contact request not sent", extra={"request": pk, "error": str(exc)})
        return False
    ContactRequest.objects.filter(pk=pk).update(sent_at=timezone.now(), last_error="")
    return True


def contact_requests_retry() -> tuple[int, int]:
    """Try again every unsent request; returns (sent, still failing)."""
    sent = failed = 0
    for pk in ContactRequest.objects.filter(sent_at__isnull=True).values_list("pk", flat=True):
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
