"""Who is asking: the visitor's address as the site should count it (rate limits, lock-outs)."""

from __future__ import annotations

import hashlib
import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """The visitor's address: behind TRUSTED_PROXY_COUNT proxies, the one they saw; IPv6
    addresses count by /64 (one home or phone network)."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def client_hash(request) -> str:
    """A keyed hash of the client's address: enough to count a client's requests, useless to
    anyone who reads it (the address itself is personal data and is never stored)."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address(request)}".encode())
    return digest.hexdigest()[:32]
