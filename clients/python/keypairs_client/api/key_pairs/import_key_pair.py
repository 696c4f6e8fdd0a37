from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dry_run_result import DryRunResult
from ...models.gateway_message import GatewayMessage
from ...models.import_key_pair_body import ImportKeyPairBody
from ...models.key_pair import KeyPair
from ...models.problem import Problem
from ...models.region import Region
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ImportKeyPairBody,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    params: dict[str, Any] = {}

    json_region: str | Unset = UNSET
    if not isinstance(region, Unset):
        json_region = region.value

    params["region"] = json_region

    params["account"] = account

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/keypairs/import",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DryRunResult | GatewayMessage | Problem | KeyPair | None:
    if response.status_code == 200:
        response_200 = DryRunResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = KeyPair.from_dict(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

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
) -> Response[DryRunResult | GatewayMessage | Problem | KeyPair]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportKeyPairBody,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[DryRunResult | GatewayMessage | Problem | KeyPair]:
    """Import a public key

     Registers your own public key (OpenSSH or RFC 4716; RSA 1024-4096 bits or ED25519) as an EC2 key
    pair. The key is checked first: a malformed key gets a 400 saying what is wrong with it. The request
    body is treated as a secret and never logged.

    Args:
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        idempotency_key (str | Unset): Makes a retry safe (IETF draft-ietf-httpapi-idempotency-
            key-header): the same key with the same body gives the same outcome (for create: a new
            private key for the same name, since the first one is never stored, unless it was
            escrowed); with another body it is a 422; while an earlier request with the key may still
            be running, a 409 with Retry-After. Scoped to the caller and the region. Example:
            "8e03978e-40d5-43e8-bc93-6894a57f9324".
        body (ImportKeyPairBody): A public key to register as an EC2 key pair.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DryRunResult | GatewayMessage | GatewayMessage | Problem | KeyPair | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        region=region,
        account=account,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ImportKeyPairBody,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> DryRunResult | GatewayMessage | Problem | KeyPair | None:
    """Import a public key

     Registers your own public key (OpenSSH or RFC 4716; RSA 1024-4096 bits or ED25519) as an EC2 key
    pair. The key is checked first: a malformed key gets a 400 saying what is wrong with it. The request
    body is treated as a secret and never logged.

    Args:
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        idempotency_key (str | Unset): Makes a retry safe (IETF draft-ietf-httpapi-idempotency-
            key-header): the same key with the same body gives the same outcome (for create: a new
            private key for the same name, since the first one is never stored, unless it was
            escrowed); with another body it is a 422; while an earlier request with the key may still
            be running, a 409 with Retry-After. Scoped to the caller and the region. Example:
            "8e03978e-40d5-43e8-bc93-6894a57f9324".
        body (ImportKeyPairBody): A public key to register as an EC2 key pair.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DryRunResult | GatewayMessage | GatewayMessage | Problem | KeyPair | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        region=region,
        account=account,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportKeyPairBody,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[DryRunResult | GatewayMessage | Problem | KeyPair]:
    """Import a public key

     Registers your own public key (OpenSSH or RFC 4716; RSA 1024-4096 bits or ED25519) as an EC2 key
    pair. The key is checked first: a malformed key gets a 400 saying what is wrong with it. The request
    body is treated as a secret and never logged.

    Args:
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        idempotency_key (str | Unset): Makes a retry safe (IETF draft-ietf-httpapi-idempotency-
            key-header): the same key with the same body gives the same outcome (for create: a new
            private key for the same name, since the first one is never stored, unless it was
            escrowed); with another body it is a 422; while an earlier request with the key may still
            be running, a 409 with Retry-After. Scoped to the caller and the region. Example:
            "8e03978e-40d5-43e8-bc93-6894a57f9324".
        body (ImportKeyPairBody): A public key to register as an EC2 key pair.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DryRunResult | GatewayMessage | GatewayMessage | Problem | KeyPair | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        region=region,
        account=account,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ImportKeyPairBody,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> DryRunResult | GatewayMessage | Problem | KeyPair | None:
    """Import a public key

     Registers your own public key (OpenSSH or RFC 4716; RSA 1024-4096 bits or ED25519) as an EC2 key
    pair. The key is checked first: a malformed key gets a 400 saying what is wrong with it. The request
    body is treated as a secret and never logged.

    Args:
        region (Region | Unset): AWS region to act in; defaults to the service's DEFAULT_REGION. A
            deployment serves the regions of its ALLOWED_REGIONS setting (default: the standard
            commercial regions, which need no opt-in) and answers 400 for the others. Example: eu-
            west-1.
        account (str | Unset): AWS account to act in; defaults to the API's own. Another account
            must be in the deployment's ALLOWED_ACCOUNTS (403 account-not-allowed) and is reached
            through its member role (403 account-unreachable when it cannot be assumed). Example:
            111122223333.
        idempotency_key (str | Unset): Makes a retry safe (IETF draft-ietf-httpapi-idempotency-
            key-header): the same key with the same body gives the same outcome (for create: a new
            private key for the same name, since the first one is never stored, unless it was
            escrowed); with another body it is a 422; while an earlier request with the key may still
            be running, a 409 with Retry-After. Scoped to the caller and the region. Example:
            "8e03978e-40d5-43e8-bc93-6894a57f9324".
        body (ImportKeyPairBody): A public key to register as an EC2 key pair.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DryRunResult | GatewayMessage | GatewayMessage | Problem | KeyPair | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            region=region,
            account=account,
            idempotency_key=idempotency_key,
        )
    ).parsed
