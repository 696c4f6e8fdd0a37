from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.gateway_message import GatewayMessage
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    type_: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/problems/{type_}".format(
            type_=quote(str(type_), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GatewayMessage | Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = GatewayMessage.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = Problem.from_dict(response.json())

        return response_405

    if response.status_code == 429:
        response_429 = GatewayMessage.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GatewayMessage | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    type_: str,
    *,
    client: AuthenticatedClient,
) -> Response[GatewayMessage | Problem | str]:
    """What a problem type means

     The page a problem's `type` URI names: the problem's title, status and what to do about it, as a
    short HTML page. Unknown types answer 404. Signed (IAM) like every route by default; a stage with
    the docsAuthorization parameter NONE serves it publicly.

    Args:
        type_ (str): The last segment of a problem's type URI. Example: conflict.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GatewayMessage | GatewayMessage | Problem | Problem | str]
    """

    kwargs = _get_kwargs(
        type_=type_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    type_: str,
    *,
    client: AuthenticatedClient,
) -> GatewayMessage | Problem | str | None:
    """What a problem type means

     The page a problem's `type` URI names: the problem's title, status and what to do about it, as a
    short HTML page. Unknown types answer 404. Signed (IAM) like every route by default; a stage with
    the docsAuthorization parameter NONE serves it publicly.

    Args:
        type_ (str): The last segment of a problem's type URI. Example: conflict.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GatewayMessage | GatewayMessage | Problem | Problem | str
    """

    return sync_detailed(
        type_=type_,
        client=client,
    ).parsed


async def asyncio_detailed(
    type_: str,
    *,
    client: AuthenticatedClient,
) -> Response[GatewayMessage | Problem | str]:
    """What a problem type means

     The page a problem's `type` URI names: the problem's title, status and what to do about it, as a
    short HTML page. Unknown types answer 404. Signed (IAM) like every route by default; a stage with
    the docsAuthorization parameter NONE serves it publicly.

    Args:
        type_ (str): The last segment of a problem's type URI. Example: conflict.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GatewayMessage | GatewayMessage | Problem | Problem | str]
    """

    kwargs = _get_kwargs(
        type_=type_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    type_: str,
    *,
    client: AuthenticatedClient,
) -> GatewayMessage | Problem | str | None:
    """What a problem type means

     The page a problem's `type` URI names: the problem's title, status and what to do about it, as a
    short HTML page. Unknown types answer 404. Signed (IAM) like every route by default; a stage with
    the docsAuthorization parameter NONE serves it publicly.

    Args:
        type_ (str): The last segment of a problem's type URI. Example: conflict.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GatewayMessage | GatewayMessage | Problem | Problem | str
    """

    return (
        await asyncio_detailed(
            type_=type_,
            client=client,
        )
    ).parsed
