"""Trusting the reverse proxies in front of the web process, and nothing odd they pass on.

With ``KINSHIP_PROXY_HOPS`` set, the client's address, scheme and host come from the
``X-Forwarded-*`` headers the proxies add (Werkzeug's ProxyFix). A value that is not an IP
address, ``http``/``https`` or a host name -- malformed, or far too long -- is ignored as if
the header were not there: the request goes on with what the socket says, never a 400, and
sign-in limits and the audit log never count a made-up address.
"""

from __future__ import annotations

import ipaddress
import re

from werkzeug.middleware.proxy_fix import ProxyFix

_LABEL = r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)"
HOST = re.compile(rf"(?:{_LABEL}(?:\.{_LABEL})*\.?|\[[0-9A-Fa-f:.]{{2,45}}\])(?::[0-9]{{1,5}})?")
SCHEMES = {"http", "https"}


def is_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return len(value) <= 45


def is_scheme(value: str) -> bool:
    return value in SCHEMES


def is_host(value: str) -> bool:
    return len(value) <= 261 and HOST.fullmatch(value) is not None


class TrustedProxies(ProxyFix):
    def __call__(self, environ, start_response):
        for header, trusted, valid in (("HTTP_X_FORWARDED_FOR", self.x_for, is_address),
                                       ("HTTP_X_FORWARDED_PROTO", self.x_proto, is_scheme),
                                       ("HTTP_X_FORWARDED_HOST", self.x_host, is_host)):
            if header in environ and not valid(self._get_real_value(trusted, environ[header]) or ""):
                del environ[header]
        return super().__call__(environ, start_response)
