from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.clean_up_key_pairs_body import CleanUpKeyPairsBody
from ...models.cleanup_result import CleanupResult
from ...models.gateway_message import GatewayMessage
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: CleanUpKeyPairsBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/keypairs/cleanup",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CleanupResult | GatewayMessage | Problem | None:
    if response.status_code == 200:
        response_200 = CleanupResult.from_dict(response.json())

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
) -> Response[CleanupResult | GatewayMessage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CleanUpKeyPairsBody,
) -> Response[CleanupResult | GatewayMessage | Problem]:
    """Clean up unused key pairs in bulk (a dry run by default)

     Selects the managed key pairs that match the listing's filters (by the same names; `unused: true` is
    required) in one region or, with `allRegions`, every allowed region, in name order, and runs each
    through the guarded delete of DELETE /keypairs/by-id: its usage is checked just before its delete,
    never from an earlier scan; a deletion is published and its escrowed private key removed. A dry run
    (the default: `dryRun` true unless false is sent) makes the same checks with EC2's DryRun and
    deletes nothing, so it selects exactly what the real run then deletes, given no change in between.
    Each selected key answers its outcome: would-delete, deleted, kept-in-use (with its usage), kept-
    unknown (its check was incomplete: never deleted on a guess) or failed (its problem). Keys this
    service did not make are never selected (unmanagedSkipped counts them). The request stops at the
    stage's cap of deletions (cleanupMaxDeletions, 100 by default, or `limit` if lower), well before the
    function's time limit, or when the service's share of EC2's request rates is used up; `nextCursor`
    then says where to go on.

    Args:
        body (CleanUpKeyPairsBody): Which keys to clean up: the listing's filters by the same
            names. Example: {'unused': True, 'createdBefore': datetime.datetime(2026, 9, 1, 0, 0,
            tzinfo=datetime.timezone(datetime.timedelta(0), 'Z')), 'missingTag': 'owner', 'dryRun':
            True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CleanupResult | GatewayMessage | GatewayMessage | Problem | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CleanUpKeyPairsBody,
) -> CleanupResult | GatewayMessage | Problem | None:
    """Clean up unused key pairs in bulk (a dry run by default)

     Selects the managed key pairs that match the listing's filters (by the same names; `unused: true` is
    required) in one region or, with `allRegions`, every allowed region, in name order, and runs each
    through the guarded delete of DELETE /keypairs/by-id: its usage is checked just before its delete,
    never from an earlier scan; a deletion is published and its escrowed private key removed. A dry run
    (the default: `dryRun` true unless false is sent) makes the same checks with EC2's DryRun and
    deletes nothing, so it selects exactly what the real run then deletes, given no change in between.
    Each selected key answers its outcome: would-delete, deleted, kept-in-use (with its usage), kept-
    unknown (its check was incomplete: never deleted on a guess) or failed (its problem). Keys this
    service did not make are never selected (unmanagedSkipped counts them). The request stops at the
    stage's cap of deletions (cleanupMaxDeletions, 100 by default, or `limit` if lower), well before the
    function's time limit, or when the service's share of EC2's request rates is used up; `nextCursor`
    then says where to go on.

    Args:
        body (CleanUpKeyPairsBody): Which keys to clean up: the listing's filters by the same
            names. Example: {'unused': True, 'createdBefore': datetime.datetime(2026, 9, 1, 0, 0,
            tzinfo=datetime.timezone(datetime.timedelta(0), 'Z')), 'missingTag': 'owner', 'dryRun':
            True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CleanupResult | GatewayMessage | GatewayMessage | Problem | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CleanUpKeyPairsBody,
) -> Response[CleanupResult | GatewayMessage | Problem]:
    """Clean up unused key pairs in bulk (a dry run by default)

     Selects the managed key pairs that match the listing's filters (by the same names; `unused: true` is
    required) in one region or, with `allRegions`, every allowed region, in name order, and runs each
    through the guarded delete of DELETE /keypairs/by-id: its usage is checked just before its delete,
    never from an earlier scan; a deletion is published and its escrowed private key removed. A dry run
    (the default: `dryRun` true unless false is sent) makes the same checks with EC2's DryRun and
    deletes nothing, so it selects exactly what the real run then deletes, given no change in between.
    Each selected key answers its outcome: would-delete, deleted, kept-in-use (with its usage), kept-
    unknown (its check was incomplete: never deleted on a guess) or failed (its problem). Keys this
    service did not make are never selected (unmanagedSkipped counts them). The request stops at the
    stage's cap of deletions (cleanupMaxDeletions, 100 by default, or `limit` if lower), well before the
    function's time limit, or when the service's share of EC2's request rates is used up; `nextCursor`
    then says where to go on.

    Args:
        body (CleanUpKeyPairsBody): Which keys to clean up: the listing's filters by the same
            names. Example: {'unused': True, 'createdBefore': datetime.datetime(2026, 9, 1, 0, 0,
            tzinfo=datetime.timezone(datetime.timedelta(0), 'Z')), 'missingTag': 'owner', 'dryRun':
            True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CleanupResult | GatewayMessage | GatewayMessage | Problem | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CleanUpKeyPairsBody,
) -> CleanupResult | GatewayMessage | Problem | None:
    """Clean up unused key pairs in bulk (a dry run by default)

     Selects the managed key pairs that match the listing's filters (by the same names; `unused: true` is
    required) in one region or, with `allRegions`, every allowed region, in name order, and runs each
    through the guarded delete of DELETE /keypairs/by-id: its usage is checked just before its delete,
    never from an earlier scan; a deletion is published and its escrowed private key removed. A dry run
    (the default: `dryRun` true unless false is sent) makes the same checks with EC2's DryRun and
    deletes nothing, so it selects exactly what the real run then deletes, given no change in between.
    Each selected key answers its outcome: would-delete, deleted, kept-in-use (with its usage), kept-
    unknown (its check was incomplete: never deleted on a guess) or failed (its problem). Keys this
    service did not make are never selected (unmanagedSkipped counts them). The request stops at the
    stage's cap of deletions (cleanupMaxDeletions, 100 by default, or `limit` if lower), well before the
    function's time limit, or when the service's share of EC2's request rates is used up; `nextCursor`
    then says where to go on.

    Args:
        body (CleanUpKeyPairsBody): Which keys to clean up: the listing's filters by the same
            names. Example: {'unused': True, 'createdBefore': datetime.datetime(2026, 9, 1, 0, 0,
            tzinfo=datetime.timezone(datetime.timedelta(0), 'Z')), 'missingTag': 'owner', 'dryRun':
            True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CleanupResult | GatewayMessage | GatewayMessage | Problem | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
