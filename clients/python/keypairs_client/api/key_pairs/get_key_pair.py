from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.gateway_message import GatewayMessage
from ...models.key_pair import KeyPair
from ...models.problem import Problem
from ...models.region import Region
from ...types import UNSET, Response, Unset


def _get_kwargs(
    name: str,
    *,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    include_public_key: bool | Unset = UNSET,
    include_usage: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_region: str | Unset = UNSET
    if not isinstance(region, Unset):
        json_region = region.value

    params["region"] = json_region

    params["account"] = account

    params["includePublicKey"] = include_public_key

    params["includeUsage"] = include_usage

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/keypairs/{name}".format(
            name=quote(str(name), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GatewayMessage | Problem | KeyPair | None:
    if response.status_code == 200:
        response_200 = KeyPair.from_dict(response.json())

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
) -> Response[GatewayMessage | Problem | KeyPair]:
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
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    include_public_key: bool | Unset = UNSET,
    include_usage: bool | Unset = UNSET,
) -> Response[GatewayMessage | Problem | KeyPair]:
    """Get a key pair by name

     Returns one key pair, addressed by its name (URL-encoded). To address a key by its id use GET
    /keypairs/by-id/{keyPairId}. A key named import or cleanup is not addressed here: GET
    /keypairs/import, /keypairs/cleanup answers 405 (the path is POST /keypairs/import; POST
    /keypairs/cleanup's); address it by id.

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
        include_public_key (bool | Unset): Include the public key (OpenSSH format).
        include_usage (bool | Unset): Also answer `usage`: the instances (every state but
            terminated), launch template versions (default, latest and every version an Auto Scaling
            group pins), launch configurations and Auto Scaling groups of the region that name this
            key (names compared literally). Costs several EC2 and Auto Scaling describes, each paged
            to the end.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GatewayMessage | GatewayMessage | Problem | KeyPair | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        region=region,
        account=account,
        include_public_key=include_public_key,
        include_usage=include_usage,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: str,
    *,
    client: AuthenticatedClient,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    include_public_key: bool | Unset = UNSET,
    include_usage: bool | Unset = UNSET,
) -> GatewayMessage | Problem | KeyPair | None:
    """Get a key pair by name

     Returns one key pair, addressed by its name (URL-encoded). To address a key by its id use GET
    /keypairs/by-id/{keyPairId}. A key named import or cleanup is not addressed here: GET
    /keypairs/import, /keypairs/cleanup answers 405 (the path is POST /keypairs/import; POST
    /keypairs/cleanup's); address it by id.

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
        include_public_key (bool | Unset): Include the public key (OpenSSH format).
        include_usage (bool | Unset): Also answer `usage`: the instances (every state but
            terminated), launch template versions (default, latest and every version an Auto Scaling
            group pins), launch configurations and Auto Scaling groups of the region that name this
            key (names compared literally). Costs several EC2 and Auto Scaling describes, each paged
            to the end.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GatewayMessage | GatewayMessage | Problem | KeyPair | Problem
    """

    return sync_detailed(
        name=name,
        client=client,
        region=region,
        account=account,
        include_public_key=include_public_key,
        include_usage=include_usage,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    include_public_key: bool | Unset = UNSET,
    include_usage: bool | Unset = UNSET,
) -> Response[GatewayMessage | Problem | KeyPair]:
    """Get a key pair by name

     Returns one key pair, addressed by its name (URL-encoded). To address a key by its id use GET
    /keypairs/by-id/{keyPairId}. A key named import or cleanup is not addressed here: GET
    /keypairs/import, /keypairs/cleanup answers 405 (the path is POST /keypairs/import; POST
    /keypairs/cleanup's); address it by id.

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
        include_public_key (bool | Unset): Include the public key (OpenSSH format).
        include_usage (bool | Unset): Also answer `usage`: the instances (every state but
            terminated), launch template versions (default, latest and every version an Auto Scaling
            group pins), launch configurations and Auto Scaling groups of the region that name this
            key (names compared literally). Costs several EC2 and Auto Scaling describes, each paged
            to the end.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GatewayMessage | GatewayMessage | Problem | KeyPair | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        region=region,
        account=account,
        include_public_key=include_public_key,
        include_usage=include_usage,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    include_public_key: bool | Unset = UNSET,
    include_usage: bool | Unset = UNSET,
) -> GatewayMessage | Problem | KeyPair | None:
    """Get a key pair by name

     Returns one key pair, addressed by its name (URL-encoded). To address a key by its id use GET
    /keypairs/by-id/{keyPairId}. A key named import or cleanup is not addressed here: GET
    /keypairs/import, /keypairs/cleanup answers 405 (the path is POST /keypairs/import; POST
    /keypairs/cleanup's); address it by id.

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
        include_public_key (bool | Unset): Include the public key (OpenSSH format).
        include_usage (bool | Unset): Also answer `usage`: the instances (every state but
            terminated), launch template versions (default, latest and every version an Auto Scaling
            group pins), launch configurations and Auto Scaling groups of the region that name this
            key (names compared literally). Costs several EC2 and Auto Scaling describes, each paged
            to the end.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GatewayMessage | GatewayMessage | Problem | KeyPair | Problem
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            region=region,
            account=account,
            include_public_key=include_public_key,
            include_usage=include_usage,
        )
    ).parsed
