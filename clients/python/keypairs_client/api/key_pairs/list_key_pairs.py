import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.gateway_message import GatewayMessage
from ...models.key_pair_list import KeyPairList
from ...models.key_type import KeyType
from ...models.problem import Problem
from ...models.region import Region
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    name: str | Unset = UNSET,
    key_pair_id: str | Unset = UNSET,
    fingerprint: str | Unset = UNSET,
    key_type: KeyType | Unset = UNSET,
    tag_key: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    expires_before: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    missing_tag: str | Unset = UNSET,
    include_public_key: bool | Unset = UNSET,
    include_usage: bool | Unset = UNSET,
    unused: bool | Unset = UNSET,
    limit: int | Unset = 1000,
    cursor: str | Unset = UNSET,
    accounts: str | Unset = UNSET,
    estate_cursor: str | Unset = UNSET,
    all_regions: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_region: str | Unset = UNSET
    if not isinstance(region, Unset):
        json_region = region.value

    params["region"] = json_region

    params["account"] = account

    params["name"] = name

    params["keyPairId"] = key_pair_id

    params["fingerprint"] = fingerprint

    json_key_type: str | Unset = UNSET
    if not isinstance(key_type, Unset):
        json_key_type = key_type.value

    params["keyType"] = json_key_type

    params["tagKey"] = tag_key

    params["tag"] = tag

    json_expires_before: str | Unset = UNSET
    if not isinstance(expires_before, Unset):
        json_expires_before = expires_before.isoformat()
    params["expiresBefore"] = json_expires_before

    json_created_before: str | Unset = UNSET
    if not isinstance(created_before, Unset):
        json_created_before = created_before.isoformat()
    params["createdBefore"] = json_created_before

    json_created_after: str | Unset = UNSET
    if not isinstance(created_after, Unset):
        json_created_after = created_after.isoformat()
    params["createdAfter"] = json_created_after

    params["missingTag"] = missing_tag

    params["includePublicKey"] = include_public_key

    params["includeUsage"] = include_usage

    params["unused"] = unused

    params["limit"] = limit

    params["cursor"] = cursor

    params["accounts"] = accounts

    params["estateCursor"] = estate_cursor

    params["allRegions"] = all_regions

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/keypairs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GatewayMessage | Problem | KeyPairList | None:
    if response.status_code == 200:
        response_200 = KeyPairList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 403:

        def _parse_response_403(data: object) -> GatewayMessage | Problem:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_answer_type_0 = Problem.from_dict(data)

                return componentsschemas_error_answer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_answer_type_1 = GatewayMessage.from_dict(data)

            return componentsschemas_error_answer_type_1

        response_403 = _parse_response_403(response.json())

        return response_403

    if response.status_code == 405:
        response_405 = Problem.from_dict(response.json())

        return response_405

    if response.status_code == 429:

        def _parse_response_429(data: object) -> GatewayMessage | Problem:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_answer_type_0 = Problem.from_dict(data)

                return componentsschemas_error_answer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_answer_type_1 = GatewayMessage.from_dict(data)

            return componentsschemas_error_answer_type_1

        response_429 = _parse_response_429(response.json())

        return response_429

    if response.status_code == 500:

        def _parse_response_500(data: object) -> GatewayMessage | Problem:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_answer_type_0 = Problem.from_dict(data)

                return componentsschemas_error_answer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_answer_type_1 = GatewayMessage.from_dict(data)

            return componentsschemas_error_answer_type_1

        response_500 = _parse_response_500(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = GatewayMessage.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GatewayMessage | Problem | KeyPairList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    name: str | Unset = UNSET,
    key_pair_id: str | Unset = UNSET,
    fingerprint: str | Unset = UNSET,
    key_type: KeyType | Unset = UNSET,
    tag_key: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    expires_before: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    missing_tag: str | Unset = UNSET,
    include_public_key: bool | Unset = UNSET,
    include_usage: bool | Unset = UNSET,
    unused: bool | Unset = UNSET,
    limit: int | Unset = 1000,
    cursor: str | Unset = UNSET,
    accounts: str | Unset = UNSET,
    estate_cursor: str | Unset = UNSET,
    all_regions: bool | Unset = UNSET,
) -> Response[GatewayMessage | Problem | KeyPairList]:
    """List key pairs

     Lists the key pairs of a region, sorted by name, optionally filtered. Pages hold at most `limit`
    keys; follow `nextCursor` for the rest. Private keys are never returned. With `allRegions=true`,
    lists every allowed region at once (4 regions at a time, one shared time budget): each item carries
    its region, and `regions` reports each region as `ok` (count, complete, nextCursor) or `error` (the
    region's problem), so a failing region never fails the whole answer.

    Args:
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        name (str | Unset): Only the key with exactly this name (matched literally: `*` and `?`
            are ordinary characters). Example: deploy-bot.
        key_pair_id (str | Unset): Only the key with this id. Example: key-0123456789abcdef0.
        fingerprint (str | Unset): Only keys with exactly this fingerprint.
        key_type (KeyType | Unset): rsa (2048-bit) or ed25519. ED25519 keys cannot be used with
            Windows instances.
        tag_key (str | Unset): Only keys that carry a tag with this key, among the tags answers
            show (KeyPairTags).
        tag (str | Unset): Only keys whose tag `key` has exactly `value`, written key=value
            (matched literally: `*` and `?` are ordinary characters); the key must not start with
            aws:, as in tagKey. Example: team=platform.
        expires_before (datetime.datetime | Unset): Only keys that expire before this instant (RFC
            3339 with an offset or Z; compared as instants, not as text or a tag pattern).
        created_before (datetime.datetime | Unset): Only keys created before this instant (RFC
            3339 with an offset or Z; compared as instants). A key whose creation time EC2 does not
            give matches neither createdBefore nor createdAfter.
        created_after (datetime.datetime | Unset): Only keys created after this instant (RFC 3339
            with an offset or Z; compared as instants).
        missing_tag (str | Unset): Only keys that carry no tag with this key (e.g. owner), among
            the tags answers show; as tagKey, no aws: prefix.
        include_public_key (bool | Unset): Include each key's public key (OpenSSH format).
        include_usage (bool | Unset): Give each item its `usage` (as GET
            /keypairs/{name}?includeUsage=true). One scan of the region serves every key of the page.
        unused (bool | Unset): Only keys that nothing names (no instance, launch template version,
            launch configuration or Auto Scaling group). One scan of the region serves every key; if
            the scan cannot be completed the region answers its problem (never a guess).
        limit (int | Unset): Most keys in a page. A page also ends early rather than let its body
            pass 4 MiB (keys with many long tags); nextCursor then says where to go on. Default: 1000.
        cursor (str | Unset): Start after this key name: the nextCursor of the previous page.
            Example: deploy-bot.
        accounts (str | Unset): An estate listing: every key of these accounts (`all`: the API's
            own and every allowed one; or a comma list of allowed account ids), in the request's
            region or, with allRegions=true, in every allowed region. Each item says its account and
            region, and `scopes` says per account and region how listing it went (ok, denied,
            unreachable, throttled, timeout, not-enabled, forbidden, pending): one failing account or
            region never fails the answer. What was not listed before the deadline comes back as
            nextCursor: pass it as estateCursor with the same other parameters. Not combinable with
            `account`.
        estate_cursor (str | Unset): Only with `accounts`: the nextCursor of the previous estate
            page; the listing resumes exactly the scopes and pages it left.
        all_regions (bool | Unset): List every allowed region at once (in parallel, a few regions
            at a time) instead of one: each item says its region, and `regions` says per region
            whether it was listed or what went wrong, so one failing region does not fail the answer.
            Not combinable with `region` or `cursor` (400). At most `limit` keys in all, ordered by
            region then name; a region with more keys than the page holds has `complete: false` and
            continues with `GET /keypairs?region=<region>&cursor=<its nextCursor>` (same filters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GatewayMessage | GatewayMessage | Problem | KeyPairList | Problem]
    """

    kwargs = _get_kwargs(
        region=region,
        account=account,
        name=name,
        key_pair_id=key_pair_id,
        fingerprint=fingerprint,
        key_type=key_type,
        tag_key=tag_key,
        tag=tag,
        expires_before=expires_before,
        created_before=created_before,
        created_after=created_after,
        missing_tag=missing_tag,
        include_public_key=include_public_key,
        include_usage=include_usage,
        unused=unused,
        limit=limit,
        cursor=cursor,
        accounts=accounts,
        estate_cursor=estate_cursor,
        all_regions=all_regions,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    name: str | Unset = UNSET,
    key_pair_id: str | Unset = UNSET,
    fingerprint: str | Unset = UNSET,
    key_type: KeyType | Unset = UNSET,
    tag_key: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    expires_before: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    missing_tag: str | Unset = UNSET,
    include_public_key: bool | Unset = UNSET,
    include_usage: bool | Unset = UNSET,
    unused: bool | Unset = UNSET,
    limit: int | Unset = 1000,
    cursor: str | Unset = UNSET,
    accounts: str | Unset = UNSET,
    estate_cursor: str | Unset = UNSET,
    all_regions: bool | Unset = UNSET,
) -> GatewayMessage | Problem | KeyPairList | None:
    """List key pairs

     Lists the key pairs of a region, sorted by name, optionally filtered. Pages hold at most `limit`
    keys; follow `nextCursor` for the rest. Private keys are never returned. With `allRegions=true`,
    lists every allowed region at once (4 regions at a time, one shared time budget): each item carries
    its region, and `regions` reports each region as `ok` (count, complete, nextCursor) or `error` (the
    region's problem), so a failing region never fails the whole answer.

    Args:
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        name (str | Unset): Only the key with exactly this name (matched literally: `*` and `?`
            are ordinary characters). Example: deploy-bot.
        key_pair_id (str | Unset): Only the key with this id. Example: key-0123456789abcdef0.
        fingerprint (str | Unset): Only keys with exactly this fingerprint.
        key_type (KeyType | Unset): rsa (2048-bit) or ed25519. ED25519 keys cannot be used with
            Windows instances.
        tag_key (str | Unset): Only keys that carry a tag with this key, among the tags answers
            show (KeyPairTags).
        tag (str | Unset): Only keys whose tag `key` has exactly `value`, written key=value
            (matched literally: `*` and `?` are ordinary characters); the key must not start with
            aws:, as in tagKey. Example: team=platform.
        expires_before (datetime.datetime | Unset): Only keys that expire before this instant (RFC
            3339 with an offset or Z; compared as instants, not as text or a tag pattern).
        created_before (datetime.datetime | Unset): Only keys created before this instant (RFC
            3339 with an offset or Z; compared as instants). A key whose creation time EC2 does not
            give matches neither createdBefore nor createdAfter.
        created_after (datetime.datetime | Unset): Only keys created after this instant (RFC 3339
            with an offset or Z; compared as instants).
        missing_tag (str | Unset): Only keys that carry no tag with this key (e.g. owner), among
            the tags answers show; as tagKey, no aws: prefix.
        include_public_key (bool | Unset): Include each key's public key (OpenSSH format).
        include_usage (bool | Unset): Give each item its `usage` (as GET
            /keypairs/{name}?includeUsage=true). One scan of the region serves every key of the page.
        unused (bool | Unset): Only keys that nothing names (no instance, launch template version,
            launch configuration or Auto Scaling group). One scan of the region serves every key; if
            the scan cannot be completed the region answers its problem (never a guess).
        limit (int | Unset): Most keys in a page. A page also ends early rather than let its body
            pass 4 MiB (keys with many long tags); nextCursor then says where to go on. Default: 1000.
        cursor (str | Unset): Start after this key name: the nextCursor of the previous page.
            Example: deploy-bot.
        accounts (str | Unset): An estate listing: every key of these accounts (`all`: the API's
            own and every allowed one; or a comma list of allowed account ids), in the request's
            region or, with allRegions=true, in every allowed region. Each item says its account and
            region, and `scopes` says per account and region how listing it went (ok, denied,
            unreachable, throttled, timeout, not-enabled, forbidden, pending): one failing account or
            region never fails the answer. What was not listed before the deadline comes back as
            nextCursor: pass it as estateCursor with the same other parameters. Not combinable with
            `account`.
        estate_cursor (str | Unset): Only with `accounts`: the nextCursor of the previous estate
            page; the listing resumes exactly the scopes and pages it left.
        all_regions (bool | Unset): List every allowed region at once (in parallel, a few regions
            at a time) instead of one: each item says its region, and `regions` says per region
            whether it was listed or what went wrong, so one failing region does not fail the answer.
            Not combinable with `region` or `cursor` (400). At most `limit` keys in all, ordered by
            region then name; a region with more keys than the page holds has `complete: false` and
            continues with `GET /keypairs?region=<region>&cursor=<its nextCursor>` (same filters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GatewayMessage | GatewayMessage | Problem | KeyPairList | Problem
    """

    return sync_detailed(
        client=client,
        region=region,
        account=account,
        name=name,
        key_pair_id=key_pair_id,
        fingerprint=fingerprint,
        key_type=key_type,
        tag_key=tag_key,
        tag=tag,
        expires_before=expires_before,
        created_before=created_before,
        created_after=created_after,
        missing_tag=missing_tag,
        include_public_key=include_public_key,
        include_usage=include_usage,
        unused=unused,
        limit=limit,
        cursor=cursor,
        accounts=accounts,
        estate_cursor=estate_cursor,
        all_regions=all_regions,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    name: str | Unset = UNSET,
    key_pair_id: str | Unset = UNSET,
    fingerprint: str | Unset = UNSET,
    key_type: KeyType | Unset = UNSET,
    tag_key: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    expires_before: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    missing_tag: str | Unset = UNSET,
    include_public_key: bool | Unset = UNSET,
    include_usage: bool | Unset = UNSET,
    unused: bool | Unset = UNSET,
    limit: int | Unset = 1000,
    cursor: str | Unset = UNSET,
    accounts: str | Unset = UNSET,
    estate_cursor: str | Unset = UNSET,
    all_regions: bool | Unset = UNSET,
) -> Response[GatewayMessage | Problem | KeyPairList]:
    """List key pairs

     Lists the key pairs of a region, sorted by name, optionally filtered. Pages hold at most `limit`
    keys; follow `nextCursor` for the rest. Private keys are never returned. With `allRegions=true`,
    lists every allowed region at once (4 regions at a time, one shared time budget): each item carries
    its region, and `regions` reports each region as `ok` (count, complete, nextCursor) or `error` (the
    region's problem), so a failing region never fails the whole answer.

    Args:
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        name (str | Unset): Only the key with exactly this name (matched literally: `*` and `?`
            are ordinary characters). Example: deploy-bot.
        key_pair_id (str | Unset): Only the key with this id. Example: key-0123456789abcdef0.
        fingerprint (str | Unset): Only keys with exactly this fingerprint.
        key_type (KeyType | Unset): rsa (2048-bit) or ed25519. ED25519 keys cannot be used with
            Windows instances.
        tag_key (str | Unset): Only keys that carry a tag with this key, among the tags answers
            show (KeyPairTags).
        tag (str | Unset): Only keys whose tag `key` has exactly `value`, written key=value
            (matched literally: `*` and `?` are ordinary characters); the key must not start with
            aws:, as in tagKey. Example: team=platform.
        expires_before (datetime.datetime | Unset): Only keys that expire before this instant (RFC
            3339 with an offset or Z; compared as instants, not as text or a tag pattern).
        created_before (datetime.datetime | Unset): Only keys created before this instant (RFC
            3339 with an offset or Z; compared as instants). A key whose creation time EC2 does not
            give matches neither createdBefore nor createdAfter.
        created_after (datetime.datetime | Unset): Only keys created after this instant (RFC 3339
            with an offset or Z; compared as instants).
        missing_tag (str | Unset): Only keys that carry no tag with this key (e.g. owner), among
            the tags answers show; as tagKey, no aws: prefix.
        include_public_key (bool | Unset): Include each key's public key (OpenSSH format).
        include_usage (bool | Unset): Give each item its `usage` (as GET
            /keypairs/{name}?includeUsage=true). One scan of the region serves every key of the page.
        unused (bool | Unset): Only keys that nothing names (no instance, launch template version,
            launch configuration or Auto Scaling group). One scan of the region serves every key; if
            the scan cannot be completed the region answers its problem (never a guess).
        limit (int | Unset): Most keys in a page. A page also ends early rather than let its body
            pass 4 MiB (keys with many long tags); nextCursor then says where to go on. Default: 1000.
        cursor (str | Unset): Start after this key name: the nextCursor of the previous page.
            Example: deploy-bot.
        accounts (str | Unset): An estate listing: every key of these accounts (`all`: the API's
            own and every allowed one; or a comma list of allowed account ids), in the request's
            region or, with allRegions=true, in every allowed region. Each item says its account and
            region, and `scopes` says per account and region how listing it went (ok, denied,
            unreachable, throttled, timeout, not-enabled, forbidden, pending): one failing account or
            region never fails the answer. What was not listed before the deadline comes back as
            nextCursor: pass it as estateCursor with the same other parameters. Not combinable with
            `account`.
        estate_cursor (str | Unset): Only with `accounts`: the nextCursor of the previous estate
            page; the listing resumes exactly the scopes and pages it left.
        all_regions (bool | Unset): List every allowed region at once (in parallel, a few regions
            at a time) instead of one: each item says its region, and `regions` says per region
            whether it was listed or what went wrong, so one failing region does not fail the answer.
            Not combinable with `region` or `cursor` (400). At most `limit` keys in all, ordered by
            region then name; a region with more keys than the page holds has `complete: false` and
            continues with `GET /keypairs?region=<region>&cursor=<its nextCursor>` (same filters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GatewayMessage | GatewayMessage | Problem | KeyPairList | Problem]
    """

    kwargs = _get_kwargs(
        region=region,
        account=account,
        name=name,
        key_pair_id=key_pair_id,
        fingerprint=fingerprint,
        key_type=key_type,
        tag_key=tag_key,
        tag=tag,
        expires_before=expires_before,
        created_before=created_before,
        created_after=created_after,
        missing_tag=missing_tag,
        include_public_key=include_public_key,
        include_usage=include_usage,
        unused=unused,
        limit=limit,
        cursor=cursor,
        accounts=accounts,
        estate_cursor=estate_cursor,
        all_regions=all_regions,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    name: str | Unset = UNSET,
    key_pair_id: str | Unset = UNSET,
    fingerprint: str | Unset = UNSET,
    key_type: KeyType | Unset = UNSET,
    tag_key: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    expires_before: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    missing_tag: str | Unset = UNSET,
    include_public_key: bool | Unset = UNSET,
    include_usage: bool | Unset = UNSET,
    unused: bool | Unset = UNSET,
    limit: int | Unset = 1000,
    cursor: str | Unset = UNSET,
    accounts: str | Unset = UNSET,
    estate_cursor: str | Unset = UNSET,
    all_regions: bool | Unset = UNSET,
) -> GatewayMessage | Problem | KeyPairList | None:
    """List key pairs

     Lists the key pairs of a region, sorted by name, optionally filtered. Pages hold at most `limit`
    keys; follow `nextCursor` for the rest. Private keys are never returned. With `allRegions=true`,
    lists every allowed region at once (4 regions at a time, one shared time budget): each item carries
    its region, and `regions` reports each region as `ok` (count, complete, nextCursor) or `error` (the
    region's problem), so a failing region never fails the whole answer.

    Args:
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        name (str | Unset): Only the key with exactly this name (matched literally: `*` and `?`
            are ordinary characters). Example: deploy-bot.
        key_pair_id (str | Unset): Only the key with this id. Example: key-0123456789abcdef0.
        fingerprint (str | Unset): Only keys with exactly this fingerprint.
        key_type (KeyType | Unset): rsa (2048-bit) or ed25519. ED25519 keys cannot be used with
            Windows instances.
        tag_key (str | Unset): Only keys that carry a tag with this key, among the tags answers
            show (KeyPairTags).
        tag (str | Unset): Only keys whose tag `key` has exactly `value`, written key=value
            (matched literally: `*` and `?` are ordinary characters); the key must not start with
            aws:, as in tagKey. Example: team=platform.
        expires_before (datetime.datetime | Unset): Only keys that expire before this instant (RFC
            3339 with an offset or Z; compared as instants, not as text or a tag pattern).
        created_before (datetime.datetime | Unset): Only keys created before this instant (RFC
            3339 with an offset or Z; compared as instants). A key whose creation time EC2 does not
            give matches neither createdBefore nor createdAfter.
        created_after (datetime.datetime | Unset): Only keys created after this instant (RFC 3339
            with an offset or Z; compared as instants).
        missing_tag (str | Unset): Only keys that carry no tag with this key (e.g. owner), among
            the tags answers show; as tagKey, no aws: prefix.
        include_public_key (bool | Unset): Include each key's public key (OpenSSH format).
        include_usage (bool | Unset): Give each item its `usage` (as GET
            /keypairs/{name}?includeUsage=true). One scan of the region serves every key of the page.
        unused (bool | Unset): Only keys that nothing names (no instance, launch template version,
            launch configuration or Auto Scaling group). One scan of the region serves every key; if
            the scan cannot be completed the region answers its problem (never a guess).
        limit (int | Unset): Most keys in a page. A page also ends early rather than let its body
            pass 4 MiB (keys with many long tags); nextCursor then says where to go on. Default: 1000.
        cursor (str | Unset): Start after this key name: the nextCursor of the previous page.
            Example: deploy-bot.
        accounts (str | Unset): An estate listing: every key of these accounts (`all`: the API's
            own and every allowed one; or a comma list of allowed account ids), in the request's
            region or, with allRegions=true, in every allowed region. Each item says its account and
            region, and `scopes` says per account and region how listing it went (ok, denied,
            unreachable, throttled, timeout, not-enabled, forbidden, pending): one failing account or
            region never fails the answer. What was not listed before the deadline comes back as
            nextCursor: pass it as estateCursor with the same other parameters. Not combinable with
            `account`.
        estate_cursor (str | Unset): Only with `accounts`: the nextCursor of the previous estate
            page; the listing resumes exactly the scopes and pages it left.
        all_regions (bool | Unset): List every allowed region at once (in parallel, a few regions
            at a time) instead of one: each item says its region, and `regions` says per region
            whether it was listed or what went wrong, so one failing region does not fail the answer.
            Not combinable with `region` or `cursor` (400). At most `limit` keys in all, ordered by
            region then name; a region with more keys than the page holds has `complete: false` and
            continues with `GET /keypairs?region=<region>&cursor=<its nextCursor>` (same filters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GatewayMessage | GatewayMessage | Problem | KeyPairList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            region=region,
            account=account,
            name=name,
            key_pair_id=key_pair_id,
            fingerprint=fingerprint,
            key_type=key_type,
            tag_key=tag_key,
            tag=tag,
            expires_before=expires_before,
            created_before=created_before,
            created_after=created_after,
            missing_tag=missing_tag,
            include_public_key=include_public_key,
            include_usage=include_usage,
            unused=unused,
            limit=limit,
            cursor=cursor,
            accounts=accounts,
            estate_cursor=estate_cursor,
            all_regions=all_regions,
        )
    ).parsed
