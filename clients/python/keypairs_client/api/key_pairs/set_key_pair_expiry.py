from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dry_run_result import DryRunResult
from ...models.gateway_message import GatewayMessage
from ...models.key_pair import KeyPair
from ...models.problem import Problem
from ...models.region import Region
from ...models.set_key_pair_expiry_body import SetKeyPairExpiryBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    name: str,
    *,
    body: SetKeyPairExpiryBody,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_region: str | Unset = UNSET
    if not isinstance(region, Unset):
        json_region = region.value

    params["region"] = json_region

    params["account"] = account

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/keypairs/{name}/expiry".format(
            name=quote(str(name), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DryRunResult | KeyPair | GatewayMessage | Problem | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> DryRunResult | KeyPair:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = KeyPair.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = DryRunResult.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = Problem.from_dict(response.json())

        return response_405

    if response.status_code == 413:

        def _parse_response_413(data: object) -> GatewayMessage | Problem:
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

        response_413 = _parse_response_413(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[DryRunResult | KeyPair | GatewayMessage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
    body: SetKeyPairExpiryBody,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
) -> Response[DryRunResult | KeyPair | GatewayMessage | Problem]:
    """Set a key pair's expiry

     Sets or extends when a key pair managed by this service expires (403 for others): ttlSeconds from
    now, or expiresAt, with the bounds of create. The sweep deletes it then. Publishes Key Pair Expiry
    Changed with expiresAt before and after. Addressed by its name.

    Args:
        name (str): Unique name of the key pair in its region: 1-255 printable ASCII characters,
            no leading or trailing space. Example: deploy-bot.
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        body (SetKeyPairExpiryBody): Sets or extends a managed key's expiry: the same bounds as at
            create (ttlSeconds counts from now). Example: {'ttlSeconds': 2592000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DryRunResult | KeyPair | GatewayMessage | GatewayMessage | Problem | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
        region=region,
        account=account,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: str,
    *,
    client: AuthenticatedClient,
    body: SetKeyPairExpiryBody,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
) -> DryRunResult | KeyPair | GatewayMessage | Problem | None:
    """Set a key pair's expiry

     Sets or extends when a key pair managed by this service expires (403 for others): ttlSeconds from
    now, or expiresAt, with the bounds of create. The sweep deletes it then. Publishes Key Pair Expiry
    Changed with expiresAt before and after. Addressed by its name.

    Args:
        name (str): Unique name of the key pair in its region: 1-255 printable ASCII characters,
            no leading or trailing space. Example: deploy-bot.
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        body (SetKeyPairExpiryBody): Sets or extends a managed key's expiry: the same bounds as at
            create (ttlSeconds counts from now). Example: {'ttlSeconds': 2592000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DryRunResult | KeyPair | GatewayMessage | GatewayMessage | Problem | Problem
    """

    return sync_detailed(
        name=name,
        client=client,
        body=body,
        region=region,
        account=account,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
    body: SetKeyPairExpiryBody,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
) -> Response[DryRunResult | KeyPair | GatewayMessage | Problem]:
    """Set a key pair's expiry

     Sets or extends when a key pair managed by this service expires (403 for others): ttlSeconds from
    now, or expiresAt, with the bounds of create. The sweep deletes it then. Publishes Key Pair Expiry
    Changed with expiresAt before and after. Addressed by its name.

    Args:
        name (str): Unique name of the key pair in its region: 1-255 printable ASCII characters,
            no leading or trailing space. Example: deploy-bot.
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        body (SetKeyPairExpiryBody): Sets or extends a managed key's expiry: the same bounds as at
            create (ttlSeconds counts from now). Example: {'ttlSeconds': 2592000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DryRunResult | KeyPair | GatewayMessage | GatewayMessage | Problem | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
        region=region,
        account=account,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient,
    body: SetKeyPairExpiryBody,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
) -> DryRunResult | KeyPair | GatewayMessage | Problem | None:
    """Set a key pair's expiry

     Sets or extends when a key pair managed by this service expires (403 for others): ttlSeconds from
    now, or expiresAt, with the bounds of create. The sweep deletes it then. Publishes Key Pair Expiry
    Changed with expiresAt before and after. Addressed by its name.

    Args:
        name (str): Unique name of the key pair in its region: 1-255 printable ASCII characters,
            no leading or trailing space. Example: deploy-bot.
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        body (SetKeyPairExpiryBody): Sets or extends a managed key's expiry: the same bounds as at
            create (ttlSeconds counts from now). Example: {'ttlSeconds': 2592000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DryRunResult | KeyPair | GatewayMessage | GatewayMessage | Problem | Problem
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            body=body,
            region=region,
            account=account,
        )
    ).parsed
