"""The EC2 Key Pairs API from Python: the client generated from openapi.yaml (``keypairs_client``),
its requests signed with botocore's SigV4 (service ``execute-api``) and the standard AWS credential
chain, and every refused request raised as one exception type, :class:`KeyPairsError`.

    from ec2_keypairs import connect, ok
    from keypairs_client.api.key_pairs import create_key_pair
    from keypairs_client.models import CreateKeyPairBody
    api = connect("https://abcdef1234.execute-api.eu-west-1.amazonaws.com")
    key = ok(create_key_pair.sync_detailed(client=api, body=CreateKeyPairBody(name="deploy-bot")))
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import logging
import os
import re
from collections.abc import Generator, Iterator, Mapping
from datetime import datetime
from http import HTTPStatus
from typing import Any, Protocol, TypeVar, cast

import botocore.session
import httpx
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from keypairs_client import AuthenticatedClient
from keypairs_client.api.key_pairs import list_key_pairs
from keypairs_client.models import GatewayMessage, KeyPair, KeyType, Problem, Region, Tags
from keypairs_client.types import UNSET, Unset

__all__ = [
    "LOCAL_CREDENTIALS",
    "BotocoreSigV4",
    "KeyPairsError",
    "connect",
    "is_loopback",
    "list_all_key_pairs",
    "ok",
    "plain",
    "signing_region_of",
    "tags",
]

SERVICE = "execute-api"
# The local stack (npm start) checks no signatures: with no credentials of the caller's, requests to a
# loopback endpoint are signed with this fixed pair, so the first call works as documented.
LOCAL_CREDENTIALS = Credentials("local-stack", "local-stack-checks-no-signatures")
_log = logging.getLogger("ec2_keypairs")
T = TypeVar("T")
E = TypeVar("E", Region, KeyType)
T_co = TypeVar("T_co", covariant=True)


class Answer(Protocol[T_co]):
    """What ok() reads of a generated ``sync_detailed`` answer (``keypairs_client.types.Response``)."""

    @property
    def status_code(self) -> HTTPStatus: ...
    @property
    def content(self) -> bytes: ...
    @property
    def headers(self) -> Any: ...
    @property
    def parsed(self) -> T_co | None: ...

# httpx sets these per hop and a proxy may change them, so they are not signed; Authorization is the signature's.
_UNSIGNED = {"authorization", "connection", "accept-encoding", "user-agent", "content-length", "transfer-encoding"}


def signing_region_of(endpoint: str) -> str:
    """The API's own region: from an execute-api host name, else AWS_REGION / AWS_DEFAULT_REGION, else us-east-1."""
    match = re.search(r"\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$", httpx.URL(endpoint).host)
    if match:
        return match.group(1)
    return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"


def is_loopback(endpoint: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1: the local stack, or a signing proxy in front of a deployment."""
    host = httpx.URL(endpoint).host
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class BotocoreSigV4(httpx.Auth):
    """httpx auth that signs each request with botocore's SigV4Auth for ``execute-api``.

    Credentials come from botocore's standard chain (environment, AWS_PROFILE and shared files, SSO,
    web identity, container and instance roles) unless given; refreshable ones are refreshed by it.
    The signature also covers X-Amz-Content-SHA256, the body's SHA-256, which API Gateway accepts.
    """

    requires_request_body = True

    def __init__(self, region: str, credentials: Credentials | None = None, *, loopback: bool = False) -> None:
        self.region = region
        self._credentials = credentials
        self._loopback = loopback

    def _resolve(self) -> Credentials:
        if self._credentials is None:
            found = botocore.session.get_session().get_credentials()
            if found is None and not self._loopback:
                raise KeyPairsError.no_credentials()
            if found is None:
                _log.info("no AWS credentials found: signing with LOCAL_CREDENTIALS (a loopback endpoint)")
            self._credentials = found or LOCAL_CREDENTIALS
        return self._credentials

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        body = request.content
        headers = {name: value for name, value in request.headers.items() if name.lower() not in _UNSIGNED}
        headers["X-Amz-Content-SHA256"] = hashlib.sha256(body).hexdigest()
        signable = AWSRequest(method=request.method, url=str(request.url), data=body, headers=headers)
        SigV4Auth(self._resolve().get_frozen_credentials(), SERVICE, self.region).add_auth(signable)
        for name, value in signable.headers.items():
            request.headers[name] = value
        yield request


class KeyPairsError(Exception):
    """A refused request: the API's RFC 9457 problem, or API Gateway's own ``{"message": ...}``
    answer (IAM refusal, throttling, a function that failed or timed out) as a problem with type
    ``about:blank`` and ``gateway=True``."""

    def __init__(
        self,
        *,
        status: int,
        type: str,  # noqa: A002 (the problem's own field name)
        title: str,
        detail: str,
        instance: str | None = None,
        ec2_code: str | None = None,
        errors: list[dict[str, str]] | None = None,
        usage: dict[str, Any] | None = None,
        key_pair: dict[str, str] | None = None,
        retry_after_seconds: int | None = None,
        gateway: bool = False,
        problem: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{status} {title}: {detail}")
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.instance = instance
        self.ec2_code = ec2_code
        self.errors = errors or []
        #: key-in-use and usage-unknown: what names the key (nothing was deleted).
        self.usage = usage
        #: private-key-delivered: the key pair the first request with this Idempotency-Key created.
        self.key_pair = key_pair
        self.retry_after_seconds = retry_after_seconds
        self.gateway = gateway
        #: Every member of the problem as the API sent it, those added after this client included.
        self.problem: dict[str, Any] = problem if problem is not None else {
            "type": type,
            "title": title,
            "status": status,
            "detail": detail,
        }

    @classmethod
    def no_credentials(cls) -> KeyPairsError:
        how = (
            "botocore's credential chain found none: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), "
            "or AWS_PROFILE (aws configure, aws sso login), or pass connect(..., credentials=...)"
        )
        return cls(status=0, type="about:blank", title="No AWS credentials", detail=how)

    @classmethod
    def from_response(cls, response: Answer[object]) -> KeyPairsError:
        retry_after = response.headers.get("retry-after")
        retry = int(retry_after) if retry_after and retry_after.isdigit() else None
        body: object = None
        try:
            body = json.loads(response.content)
        except ValueError:
            pass
        parsed = response.parsed
        if isinstance(parsed, Problem):
            body = parsed.to_dict()
        if isinstance(body, dict) and isinstance(body.get("type"), str) and isinstance(body.get("title"), str):
            return cls(
                status=int(body.get("status", response.status_code)),
                type=body["type"],
                title=body["title"],
                detail=str(body.get("detail", "")),
                instance=body.get("instance"),
                ec2_code=body.get("ec2Code"),
                errors=body.get("errors"),
                usage=body.get("usage"),
                key_pair=body.get("keyPair"),
                retry_after_seconds=retry,
                problem=body,
            )
        if isinstance(parsed, GatewayMessage):
            message = parsed.message
        elif isinstance(body, dict) and isinstance(body.get("message"), str):
            message = body["message"]
        else:
            message = response.content.decode("utf-8", "replace")[:200] or "Request refused"
        return cls(
            status=int(response.status_code),
            type="about:blank",
            title=message,
            detail=f"API Gateway answered {int(response.status_code)}: {message}",
            retry_after_seconds=retry,
            gateway=True,
        )


def ok(response: Answer[T | Problem | GatewayMessage]) -> T:
    """The parsed answer of a 2xx response; any other raises :class:`KeyPairsError`."""
    if 200 <= int(response.status_code) < 300:
        return cast(T, response.parsed)
    raise KeyPairsError.from_response(response)


def connect(
    endpoint: str,
    *,
    signing_region: str | None = None,
    credentials: Credentials | None = None,
    timeout: float = 30.0,
) -> AuthenticatedClient:
    """The generated client for the API at ``endpoint``, every request SigV4-signed.

    Credentials: ``credentials``, else botocore's chain; with none found, a loopback endpoint (the
    local stack, which checks no signatures) is signed with :data:`LOCAL_CREDENTIALS` (logged at
    INFO on the ``ec2_keypairs`` logger), and any other raises :class:`KeyPairsError` saying how to
    provide them. (The generator's AuthenticatedClient, because the spec declares a security scheme;
    its token header is empty and replaced by the signature.)
    """
    auth = BotocoreSigV4(signing_region or signing_region_of(endpoint), credentials, loopback=is_loopback(endpoint))
    return AuthenticatedClient(
        base_url=endpoint.rstrip("/"), token="", prefix="", timeout=httpx.Timeout(timeout), httpx_args={"auth": auth}
    )


def _given(value: T | None) -> T | Unset:
    """None (a plain "not given") as the generated client's UNSET."""
    return UNSET if value is None else value


def _member(kind: type[E], value: E | str | None) -> E | Unset:
    """An enum parameter from its member or its plain string ("eu-west-1", "rsa")."""
    return UNSET if value is None else kind(value)


def list_all_key_pairs(
    api: AuthenticatedClient,
    *,
    region: Region | str | None = None,
    account: str | None = None,
    name: str | None = None,
    key_pair_id: str | None = None,
    fingerprint: str | None = None,
    key_type: KeyType | str | None = None,
    tag_key: str | None = None,
    tag: str | None = None,
    expires_before: datetime | None = None,
    include_public_key: bool | None = None,
    include_usage: bool | None = None,
    unused: bool | None = None,
    limit: int | None = None,
    cursor: str | None = None,
    accounts: str | None = None,
    all_regions: bool | None = None,
) -> Iterator[KeyPair]:
    """Every key pair of one region that matches the filters (those of ``list_key_pairs``), page
    after page, following ``next_cursor``; from ``cursor`` on if given. ``limit`` is the page size.

    With ``accounts`` (``"all"`` or comma-separated ids; ``all_regions=True`` for every region of
    each): an estate listing, each key carrying its ``account``; ``next_cursor`` is followed as
    ``estate_cursor`` (and ``cursor`` is one). The scopes that failed are in each page's ``scopes``,
    which this helper does not yield: use ``list_key_pairs`` for them.

    Lazy: a page is asked for when the previous one is used up, so stopping early sends no more
    requests. A refused page raises :class:`KeyPairsError` (the keys before it were yielded). For
    every region at once, ``list_key_pairs`` with ``all_regions=True`` answers each region's outcome.
    """
    while True:
        page = ok(
            list_key_pairs.sync_detailed(
                client=api,
                region=_member(Region, region),
                account=_given(account),
                name=_given(name),
                key_pair_id=_given(key_pair_id),
                fingerprint=_given(fingerprint),
                key_type=_member(KeyType, key_type),
                tag_key=_given(tag_key),
                tag=_given(tag),
                expires_before=_given(expires_before),
                include_public_key=_given(include_public_key),
                include_usage=_given(include_usage),
                unused=_given(unused),
                limit=_given(limit),
                cursor=_given(cursor if accounts is None else None),
                accounts=_given(accounts),
                all_regions=_given(all_regions),
                estate_cursor=_given(cursor if accounts is not None else None),
            )
        )
        yield from page.items
        if isinstance(page.next_cursor, Unset) or not page.next_cursor:
            return
        cursor = page.next_cursor


def tags(values: Mapping[str, str]) -> Tags:
    """Tags from a plain dict, for a body: ``CreateKeyPairBody(name="ci-bot", tags=tags({"team": "ci"}))``
    (the generated ``Tags()`` takes no arguments)."""
    return Tags.from_dict(values)


def plain(value: T | Unset) -> T | None:
    """An optional member as Python has it: ``None`` when the answer left it out (the generated models
    say ``UNSET``), e.g. ``plain(page.next_cursor)`` is the next cursor or ``None``."""
    return None if isinstance(value, Unset) else value
