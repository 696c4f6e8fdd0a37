from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dry_run_result import DryRunResult
from ...models.gateway_message import GatewayMessage
from ...models.problem import Problem
from ...models.region import Region
from ...types import UNSET, Response, Unset


def _get_kwargs(
    name: str,
    *,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    force: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_region: str | Unset = UNSET
    if not isinstance(region, Unset):
        json_region = region.value

    params["region"] = json_region

    params["account"] = account

    params["dryRun"] = dry_run

    params["force"] = force

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/keypairs/{name}".format(
            name=quote(str(name), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | DryRunResult | GatewayMessage | Problem | None:
    if response.status_code == 200:
        response_200 = DryRunResult.from_dict(response.json())

        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[Any | DryRunResult | GatewayMessage | Problem]:
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
    dry_run: bool | Unset = UNSET,
    force: bool | Unset = UNSET,
) -> Response[Any | DryRunResult | GatewayMessage | Problem]:
    """Delete a key pair by name

     Deletes a key pair managed by this service. Answers 404 when there is no such key (EC2 itself would
    answer success) and 403 for keys made outside this service. Refuses (409) a key that an instance
    (any state but terminated), a launch template's default or latest version or a version an Auto
    Scaling group pins, a launch configuration or a group still names, and one whose check could not be
    completed: their next launch would fail. force=true deletes anyway. Something may start naming the
    key between the check and the delete (the window is the check's duration, at most the request's time
    budget). A key named import or report or cleanup is not addressed here: DELETE /keypairs/import,
    /keypairs/report, /keypairs/cleanup answers 405 (the path is POST /keypairs/import; GET
    /keypairs/report; POST /keypairs/cleanup's); address it by id.

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
        dry_run (bool | Unset): Nothing is deleted: the answer is what the delete would be. A 200
            DryRunResult with the key's usage when it would succeed, else its problem: 403 forbidden
            or unmanaged-key, 404, 409 key-in-use or usage-unknown (not with force=true).
        force (bool | Unset): Delete even if instances, launch templates, launch configurations or
            Auto Scaling groups still name the key, or if that could not be checked. Without it such a
            delete is refused (409 key-in-use or usage-unknown, with the usage found).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DryRunResult | GatewayMessage | GatewayMessage | Problem | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        region=region,
        account=account,
        dry_run=dry_run,
        force=force,
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
    dry_run: bool | Unset = UNSET,
    force: bool | Unset = UNSET,
) -> Any | DryRunResult | GatewayMessage | Problem | None:
    """Delete a key pair by name

     Deletes a key pair managed by this service. Answers 404 when there is no such key (EC2 itself would
    answer success) and 403 for keys made outside this service. Refuses (409) a key that an instance
    (any state but terminated), a launch template's default or latest version or a version an Auto
    Scaling group pins, a launch configuration or a group still names, and one whose check could not be
    completed: their next launch would fail. force=true deletes anyway. Something may start naming the
    key between the check and the delete (the window is the check's duration, at most the request's time
    budget). A key named import or report or cleanup is not addressed here: DELETE /keypairs/import,
    /keypairs/report, /keypairs/cleanup answers 405 (the path is POST /keypairs/import; GET
    /keypairs/report; POST /keypairs/cleanup's); address it by id.

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
        dry_run (bool | Unset): Nothing is deleted: the answer is what the delete would be. A 200
            DryRunResult with the key's usage when it would succeed, else its problem: 403 forbidden
            or unmanaged-key, 404, 409 key-in-use or usage-unknown (not with force=true).
        force (bool | Unset): Delete even if instances, launch templates, launch configurations or
            Auto Scaling groups still name the key, or if that could not be checked. Without it such a
            delete is refused (409 key-in-use or usage-unknown, with the usage found).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DryRunResult | GatewayMessage | GatewayMessage | Problem | Problem
    """

    return sync_detailed(
        name=name,
        client=client,
        region=region,
        account=account,
        dry_run=dry_run,
        force=force,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    force: bool | Unset = UNSET,
) -> Response[Any | DryRunResult | GatewayMessage | Problem]:
    """Delete a key pair by name

     Deletes a key pair managed by this service. Answers 404 when there is no such key (EC2 itself would
    answer success) and 403 for keys made outside this service. Refuses (409) a key that an instance
    (any state but terminated), a launch template's default or latest version or a version an Auto
    Scaling group pins, a launch configuration or a group still names, and one whose check could not be
    completed: their next launch would fail. force=true deletes anyway. Something may start naming the
    key between the check and the delete (the window is the check's duration, at most the request's time
    budget). A key named import or report or cleanup is not addressed here: DELETE /keypairs/import,
    /keypairs/report, /keypairs/cleanup answers 405 (the path is POST /keypairs/import; GET
    /keypairs/report; POST /keypairs/cleanup's); address it by id.

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
        dry_run (bool | Unset): Nothing is deleted: the answer is what the delete would be. A 200
            DryRunResult with the key's usage when it would succeed, else its problem: 403 forbidden
            or unmanaged-key, 404, 409 key-in-use or usage-unknown (not with force=true).
        force (bool | Unset): Delete even if instances, launch templates, launch configurations or
            Auto Scaling groups still name the key, or if that could not be checked. Without it such a
            delete is refused (409 key-in-use or usage-unknown, with the usage found).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DryRunResult | GatewayMessage | GatewayMessage | Problem | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        region=region,
        account=account,
        dry_run=dry_run,
        force=force,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient,
    region: Region | Unset = UNSET,
    account: str | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    force: bool | Unset = UNSET,
) -> Any | DryRunResult | GatewayMessage | Problem | None:
    """Delete a key pair by name

     Deletes a key pair managed by this service. Answers 404 when there is no such key (EC2 itself would
    answer success) and 403 for keys made outside this service. Refuses (409) a key that an instance
    (any state but terminated), a launch template's default or latest version or a version an Auto
    Scaling group pins, a launch configuration or a group still names, and one whose check could not be
    completed: their next launch would fail. force=true deletes anyway. Something may start naming the
    key between the check and the delete (the window is the check's duration, at most the request's time
    budget). A key named import or report or cleanup is not addressed here: DELETE /keypairs/import,
    /keypairs/report, /keypairs/cleanup answers 405 (the path is POST /keypairs/import; GET
    /keypairs/report; POST /keypairs/cleanup's); address it by id.

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
        dry_run (bool | Unset): Nothing is deleted: the answer is what the delete would be. A 200
            DryRunResult with the key's usage when it would succeed, else its problem: 403 forbidden
            or unmanaged-key, 404, 409 key-in-use or usage-unknown (not with force=true).
        force (bool | Unset): Delete even if instances, launch templates, launch configurations or
            Auto Scaling groups still name the key, or if that could not be checked. Without it such a
            delete is refused (409 key-in-use or usage-unknown, with the usage found).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DryRunResult | GatewayMessage | GatewayMessage | Problem | Problem
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            region=region,
            account=account,
            dry_run=dry_run,
            force=force,
        )
    ).parsed
