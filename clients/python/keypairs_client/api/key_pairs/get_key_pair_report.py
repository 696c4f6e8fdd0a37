from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.gateway_message import GatewayMessage
from ...models.key_pair_report import KeyPairReport
from ...models.problem import Problem
from ...models.region import Region
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    all_regions: bool | Unset = UNSET,
    missing_tag: str | Unset = UNSET,
    expiring_within_days: int | Unset = 3650,
    include_unused: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_region: str | Unset = UNSET
    if not isinstance(region, Unset):
        json_region = region.value

    params["region"] = json_region

    params["account"] = account

    params["allRegions"] = all_regions

    params["missingTag"] = missing_tag

    params["expiringWithinDays"] = expiring_within_days

    params["includeUnused"] = include_unused

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/keypairs/report",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GatewayMessage | Problem | KeyPairReport | None:
    if response.status_code == 200:
        response_200 = KeyPairReport.from_dict(response.json())

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
) -> Response[GatewayMessage | Problem | KeyPairReport]:
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
    all_regions: bool | Unset = UNSET,
    missing_tag: str | Unset = UNSET,
    expiring_within_days: int | Unset = 3650,
    include_unused: bool | Unset = UNSET,
) -> Response[GatewayMessage | Problem | KeyPairReport]:
    """Count key pairs by region, type and age

     Counts the key pairs of a region (or, with allRegions=true, of every allowed region) per region and
    key type: all, managed, by age (under 30 days, 30-90, 90-365, over 365, unknown); with `missingTag`,
    those without that tag; with `expiringWithinDays`, those expiring within that many days; with
    `includeUnused=true`, those nothing names (one usage scan per region). A region that fails is
    reported in `regions` with its problem. A key pair named report is read and deleted by id.

    Args:
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        all_regions (bool | Unset): Every allowed region (in parallel, a few at a time); a region
            that fails says so.
        missing_tag (str | Unset): Only keys that carry no tag with this key (e.g. owner), among
            the tags answers show; as tagKey, no aws: prefix.
        expiring_within_days (int | Unset): Also count the keys whose expiry falls within this
            many days from now. Default: 3650.
        include_unused (bool | Unset): Also count the unused keys (nothing names them): costs one
            usage scan of each region, as GET /keypairs?unused=true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GatewayMessage | GatewayMessage | Problem | KeyPairReport | Problem]
    """

    kwargs = _get_kwargs(
        region=region,
        account=account,
        all_regions=all_regions,
        missing_tag=missing_tag,
        expiring_within_days=expiring_within_days,
        include_unused=include_unused,
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
    all_regions: bool | Unset = UNSET,
    missing_tag: str | Unset = UNSET,
    expiring_within_days: int | Unset = 3650,
    include_unused: bool | Unset = UNSET,
) -> GatewayMessage | Problem | KeyPairReport | None:
    """Count key pairs by region, type and age

     Counts the key pairs of a region (or, with allRegions=true, of every allowed region) per region and
    key type: all, managed, by age (under 30 days, 30-90, 90-365, over 365, unknown); with `missingTag`,
    those without that tag; with `expiringWithinDays`, those expiring within that many days; with
    `includeUnused=true`, those nothing names (one usage scan per region). A region that fails is
    reported in `regions` with its problem. A key pair named report is read and deleted by id.

    Args:
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        all_regions (bool | Unset): Every allowed region (in parallel, a few at a time); a region
            that fails says so.
        missing_tag (str | Unset): Only keys that carry no tag with this key (e.g. owner), among
            the tags answers show; as tagKey, no aws: prefix.
        expiring_within_days (int | Unset): Also count the keys whose expiry falls within this
            many days from now. Default: 3650.
        include_unused (bool | Unset): Also count the unused keys (nothing names them): costs one
            usage scan of each region, as GET /keypairs?unused=true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GatewayMessage | GatewayMessage | Problem | KeyPairReport | Problem
    """

    return sync_detailed(
        client=client,
        region=region,
        account=account,
        all_regions=all_regions,
        missing_tag=missing_tag,
        expiring_within_days=expiring_within_days,
        include_unused=include_unused,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    all_regions: bool | Unset = UNSET,
    missing_tag: str | Unset = UNSET,
    expiring_within_days: int | Unset = 3650,
    include_unused: bool | Unset = UNSET,
) -> Response[GatewayMessage | Problem | KeyPairReport]:
    """Count key pairs by region, type and age

     Counts the key pairs of a region (or, with allRegions=true, of every allowed region) per region and
    key type: all, managed, by age (under 30 days, 30-90, 90-365, over 365, unknown); with `missingTag`,
    those without that tag; with `expiringWithinDays`, those expiring within that many days; with
    `includeUnused=true`, those nothing names (one usage scan per region). A region that fails is
    reported in `regions` with its problem. A key pair named report is read and deleted by id.

    Args:
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        all_regions (bool | Unset): Every allowed region (in parallel, a few at a time); a region
            that fails says so.
        missing_tag (str | Unset): Only keys that carry no tag with this key (e.g. owner), among
            the tags answers show; as tagKey, no aws: prefix.
        expiring_within_days (int | Unset): Also count the keys whose expiry falls within this
            many days from now. Default: 3650.
        include_unused (bool | Unset): Also count the unused keys (nothing names them): costs one
            usage scan of each region, as GET /keypairs?unused=true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GatewayMessage | GatewayMessage | Problem | KeyPairReport | Problem]
    """

    kwargs = _get_kwargs(
        region=region,
        account=account,
        all_regions=all_regions,
        missing_tag=missing_tag,
        expiring_within_days=expiring_within_days,
        include_unused=include_unused,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    all_regions: bool | Unset = UNSET,
    missing_tag: str | Unset = UNSET,
    expiring_within_days: int | Unset = 3650,
    include_unused: bool | Unset = UNSET,
) -> GatewayMessage | Problem | KeyPairReport | None:
    """Count key pairs by region, type and age

     Counts the key pairs of a region (or, with allRegions=true, of every allowed region) per region and
    key type: all, managed, by age (under 30 days, 30-90, 90-365, over 365, unknown); with `missingTag`,
    those without that tag; with `expiringWithinDays`, those expiring within that many days; with
    `includeUnused=true`, those nothing names (one usage scan per region). A region that fails is
    reported in `regions` with its problem. A key pair named report is read and deleted by id.

    Args:
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        all_regions (bool | Unset): Every allowed region (in parallel, a few at a time); a region
            that fails says so.
        missing_tag (str | Unset): Only keys that carry no tag with this key (e.g. owner), among
            the tags answers show; as tagKey, no aws: prefix.
        expiring_within_days (int | Unset): Also count the keys whose expiry falls within this
            many days from now. Default: 3650.
        include_unused (bool | Unset): Also count the unused keys (nothing names them): costs one
            usage scan of each region, as GET /keypairs?unused=true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GatewayMessage | GatewayMessage | Problem | KeyPairReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            region=region,
            account=account,
            all_regions=all_regions,
            missing_tag=missing_tag,
            expiring_within_days=expiring_within_days,
            include_unused=include_unused,
        )
    ).parsed
