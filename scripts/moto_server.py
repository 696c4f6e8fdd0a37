"""moto_server for the local stack, with what EC2 does and moto lacks, and an identity probe.

1. Atomic key pair names. moto checks that a key pair name is free, then generates the key, then
   stores it, with no lock, while its server answers requests on parallel threads: two concurrent
   creates of one name can both succeed (seen: 2 x 201 of 50 in the concurrency test). EC2 never
   does that. The check-and-store of CreateKeyPair and ImportKeyPair is made atomic here.
2. DeleteKeyPair by KeyPairId. moto reads only KeyName (a KeyPairId alone deletes nothing); EC2
   deletes the key with that id, and the API relies on it to delete exactly the key it looked up,
   never a successor that took the same name meanwhile. A KeyPairId that names no key pair is
   InvalidKeyPair.NotFound, as EC2 answers (a missing KeyName is success there): of concurrent
   deletes of one key by id, exactly one succeeds. The look-up and the delete hold the names lock.
3. Identity: `GET /__local-stack` answers the LOCAL_STACK_TOKEN of the environment (set by
   scripts/local-stack.ts), so the readiness check knows that this process answered, not another
   server on the port. Without the variable the path is moto's as before.
4. CreateKeyPair KeyFormat=ppk. moto ignores KeyFormat and always returns PEM; EC2 returns a PuTTY
   private key file, version 3, unencrypted (`Encryption: none`, the MAC an HMAC-SHA-256 with an
   empty key), for RSA and ED25519. The key moto made is written out as such a file here; the
   stored public key and fingerprint stay those of the same key. A KeyFormat other than pem or ppk
   is InvalidParameterValue, as in EC2.
5. Fingerprints as EC2 computes them (moto hashes the public key for every kind): a created RSA key,
   the SHA-1 of its DER PKCS#8 private key; an imported RSA key, the MD5 of its DER
   SubjectPublicKeyInfo (both colon hex); an ED25519 key, created or imported, the base64 SHA-256 of
   its SSH public key blob, `=` padded: what `ssh-keygen -lf` prints after `SHA256:`, unpadded.
6. DescribeLaunchTemplates paged. moto answers the first MaxResults templates and no NextToken, so
   a region's templates past the first page were never seen. EC2 answers a NextToken while more
   are left; so does this (the token is the index of the next template).
7. Atomic conditional writes in DynamoDB. moto evaluates a ConditionExpression, then writes, with
   no lock, on parallel threads: two concurrent PutItems with attribute_not_exists(id) can both
   succeed (seen: 2 x 201 in a round of 20 racers under one Idempotency-Key). DynamoDB decides each
   conditional write atomically. PutItem, UpdateItem and DeleteItem hold one lock here.
8. AssumeRole of a role that does not exist, or whose trust policy demands another sts:ExternalId. moto
   issues credentials for any role ARN ("the role does not need to exist"); STS answers AccessDenied.
   This does too, so an account without the member role is refused locally as in AWS (the trust
   policy's principals are not evaluated: moto keeps no caller identity to compare).
9. Organizations' CreateAccount ids in order: 222222222222, 222222222223, ... (moto draws them at
   random), so the local organisation (scripts/local-organization.ts) has the same accounts on every
   start, and a grant (ACCOUNT_ACCESS) or a curl can name one before the stack starts.
10. Organizations' root and OU ids fixed, for the same reason (moto draws them at random): the root is
   r-0000, and OUs are ou-0000-00000001, ou-0000-00000002, ... in creation order.
Then moto_server runs unchanged (same arguments).
"""
import base64
import functools
import hashlib
import hmac
import itertools
import json
import os
import struct
import sys
import threading

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from moto.dynamodb.models import DynamoDBBackend
from moto.ec2.models.key_pairs import KeyPairBackend
from moto.core.responses import ActionResult
from moto.ec2.exceptions import EC2ClientError
from moto.ec2.responses.key_pairs import KeyPairs
from moto.ec2.responses.launch_templates import LaunchTemplates
from moto.ec2.utils import public_key_parse
from moto.iam.exceptions import NotFoundException as IAMNotFoundException
from moto.iam.models import iam_backends
from moto.organizations import utils as organizations_utils
from moto.organizations.models import OrganizationsBackend
from moto.server import DomainDispatcherApplication, main
from moto.sts.exceptions import STSClientError
from moto.sts.models import STSBackend
from moto.utilities.utils import get_partition

_names_lock = threading.Lock()


def _colon_hex(digest: bytes) -> str:
    return ":".join(f"{byte:02x}" for byte in digest)


def ec2_fingerprint(key_pair) -> str:
    """The fingerprint EC2 answers for `key_pair` (moto's KeyPair; `material` is empty for an imported key)."""
    public_key = public_key_parse(key_pair.material_public)
    if isinstance(public_key, ed25519.Ed25519PublicKey):
        openssh = public_key.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
        blob = base64.b64decode(openssh.split()[1])
        return base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii")
    if key_pair.material:
        private_key = serialization.load_pem_private_key(key_pair.material, password=None)
        der = private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        return _colon_hex(hashlib.sha1(der).digest())
    der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return _colon_hex(hashlib.md5(der).digest())


def _with_ec2_fingerprint(method):
    @functools.wraps(method)
    def fingerprinted(*args, **kwargs):
        key_pair = method(*args, **kwargs)
        key_pair.key_fingerprint = ec2_fingerprint(key_pair)
        return key_pair

    return fingerprinted


def _atomic(method):
    @functools.wraps(method)
    def locked(*args, **kwargs):
        with _names_lock:
            return method(*args, **kwargs)

    return locked


KeyPairBackend.create_key_pair = _atomic(_with_ec2_fingerprint(KeyPairBackend.create_key_pair))
KeyPairBackend.import_key_pair = _atomic(_with_ec2_fingerprint(KeyPairBackend.import_key_pair))

_items_lock = threading.Lock()


def _one_at_a_time(method):
    @functools.wraps(method)
    def locked(*args, **kwargs):
        with _items_lock:
            return method(*args, **kwargs)

    return locked


DynamoDBBackend.put_item = _one_at_a_time(DynamoDBBackend.put_item)
DynamoDBBackend.update_item = _one_at_a_time(DynamoDBBackend.update_item)
DynamoDBBackend.delete_item = _one_at_a_time(DynamoDBBackend.delete_item)

_delete_by_name = KeyPairs.delete_key_pair


def _delete_by_name_or_id(self):
    key_pair_id = self._get_param("KeyPairId")
    if not key_pair_id or self._get_param("KeyName"):
        return _delete_by_name(self)
    self.error_on_dryrun()
    with _names_lock:
        match = next((kp for kp in self.ec2_backend.key_pairs.values() if kp.id == key_pair_id), None)
        if not match:
            raise EC2ClientError("InvalidKeyPair.NotFound", f"The key pair '{key_pair_id}' does not exist")
        self.ec2_backend.delete_key_pair(match.key_name)
    return ActionResult({"Return": True, "KeyPairId": key_pair_id})


KeyPairs.delete_key_pair = _delete_by_name_or_id

_token = os.environ.get("LOCAL_STACK_TOKEN", "")
_dispatch = DomainDispatcherApplication.__call__


def _answer_probe(self, environ, start_response):
    if _token and environ.get("REQUEST_METHOD") == "GET" and environ.get("PATH_INFO") == "/__local-stack":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [_token.encode()]
    return _dispatch(self, environ, start_response)


DomainDispatcherApplication.__call__ = _answer_probe


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def _mpint(value: int) -> bytes:
    # SSH mpint: big-endian two's complement, a leading zero byte when the top bit is set.
    return _string(value.to_bytes((value.bit_length() + 8) // 8, "big") if value else b"")


def _lines(blob: bytes) -> list[str]:
    text = base64.b64encode(blob).decode("ascii")
    return [text[i : i + 64] for i in range(0, len(text), 64)]


def ppk_v3(private_key_material: bytes, comment: str) -> str:
    """A PuTTY-User-Key-File-3, unencrypted, of the private key moto made (RSA PEM or OpenSSH ED25519)."""
    if private_key_material.startswith(b"-----BEGIN OPENSSH PRIVATE KEY-----"):
        key = serialization.load_ssh_private_key(private_key_material, password=None)
    else:
        key = serialization.load_pem_private_key(private_key_material, password=None)
    if isinstance(key, rsa.RSAPrivateKey):
        numbers = key.private_numbers()
        algorithm = "ssh-rsa"
        public_blob = _string(b"ssh-rsa") + _mpint(numbers.public_numbers.e) + _mpint(numbers.public_numbers.n)
        # PuTTY's RSA private part: d, p, q, iqmp (q^-1 mod p, as cryptography computes it).
        private_blob = _mpint(numbers.d) + _mpint(numbers.p) + _mpint(numbers.q) + _mpint(numbers.iqmp)
    elif isinstance(key, ed25519.Ed25519PrivateKey):
        raw = serialization.Encoding.Raw
        algorithm = "ssh-ed25519"
        public_blob = _string(b"ssh-ed25519") + _string(key.public_key().public_bytes(raw, serialization.PublicFormat.Raw))
        private_blob = _string(key.private_bytes(raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()))
    else:
        raise ValueError(f"no PPK for {type(key).__name__}")
    # Version 3 without encryption: no padding, MAC key empty.
    mac_input = b"".join(_string(part) for part in (algorithm.encode(), b"none", comment.encode(), public_blob, private_blob))
    mac = hmac.new(b"", mac_input, hashlib.sha256).hexdigest()
    public_lines, private_lines = _lines(public_blob), _lines(private_blob)
    return "\n".join(
        [
            f"PuTTY-User-Key-File-3: {algorithm}",
            "Encryption: none",
            f"Comment: {comment}",
            f"Public-Lines: {len(public_lines)}",
            *public_lines,
            f"Private-Lines: {len(private_lines)}",
            *private_lines,
            f"Private-MAC: {mac}",
            "",
        ]
    )


def _create_key_pair_in_format(self):
    # moto 5.2.5's KeyPairs.create_key_pair, with KeyFormat.
    key_name = self._get_param("KeyName")
    key_type = self._get_param("KeyType")
    key_format = self._get_param("KeyFormat") or "pem"
    if key_format not in ("pem", "ppk"):
        raise EC2ClientError("InvalidParameterValue", f"Value ({key_format}) for parameter keyFormat is invalid.")
    tags = self._parse_tag_specification("key-pair").get("key-pair", {})
    self.error_on_dryrun()
    key_pair = self.ec2_backend.create_key_pair(key_name, key_type, tags)
    if key_format == "ppk":
        # Only CreateKeyPair's answer shows the private key: the stored copy may take the new form.
        key_pair.material = ppk_v3(key_pair.material, key_name).encode("ascii")
    return ActionResult(key_pair)


KeyPairs.create_key_pair = _create_key_pair_in_format

def _describe_launch_templates_paged(self):
    # moto 5.2.5's LaunchTemplates.describe_launch_templates, with EC2's paging.
    max_results = self._get_int_param("MaxResults", 15)
    token = self._get_param("NextToken")
    if token is not None and not token.isdigit():
        raise EC2ClientError("InvalidNextToken", "The specified token is invalid.")
    start = int(token or 0)
    self.error_on_dryrun()
    templates = self.ec2_backend.describe_launch_templates(
        template_names=self._get_param("LaunchTemplateNames", []),
        template_ids=self._get_param("LaunchTemplateIds", []),
        filters=self._filters_from_querystring(),
    )
    page = {
        "LaunchTemplates": [
            {
                "CreateTime": template.create_time,
                "CreatedBy": f"arn:{self.partition}:iam::{self.current_account}:root",
                "DefaultVersionNumber": template.default_version_number,
                "LatestVersionNumber": template.latest_version_number,
                "LaunchTemplateId": template.id,
                "LaunchTemplateName": template.name,
                "Tags": template.tags,
            }
            for template in templates[start : start + max_results]
        ]
    }
    if start + max_results < len(templates):
        page["NextToken"] = str(start + max_results)
    return ActionResult(page)


LaunchTemplates.describe_launch_templates = _describe_launch_templates_paged

class _AssumeRoleDenied(STSClientError):
    code = "AccessDenied"


_assume_role = STSBackend.assume_role


def _assume_existing_role(self, region_name, role_session_name, role_arn, policy, duration, external_id):
    account, _, name = role_arn.split(":", 4)[4].partition(":role/")
    denied = _AssumeRoleDenied(f"User is not authorized to perform: sts:AssumeRole on resource: {role_arn}")
    try:
        role = iam_backends[account][get_partition(region_name)].get_role(name.rsplit("/", 1)[-1])
    except IAMNotFoundException:
        raise denied from None
    trust = role.assume_role_policy_document
    trust = json.loads(trust) if isinstance(trust, str) else trust
    demanded = [
        value
        for statement in trust.get("Statement", [])
        for condition in statement.get("Condition", {}).values()
        for key, value in condition.items()
        if key.lower() == "sts:externalid"
    ]
    if demanded and external_id not in demanded:
        raise denied
    return _assume_role(self, region_name, role_session_name, role_arn, policy, duration, external_id)


STSBackend.assume_role = _assume_existing_role

_next_account = itertools.count(222222222222)
_numbering_lock = threading.Lock()
_create_account = OrganizationsBackend.create_account
_random_account_id = organizations_utils.make_random_account_id


def _create_numbered_account(self, **kwargs):
    # Only CreateAccount's id is numbered (CreateOrganization draws one too, for its management account's record).
    with _numbering_lock:
        organizations_utils.make_random_account_id = lambda: str(next(_next_account))
        try:
            return _create_account(self, **kwargs)
        finally:
            organizations_utils.make_random_account_id = _random_account_id


OrganizationsBackend.create_account = _create_numbered_account

organizations_utils.make_random_root_id = lambda: "r-0000"
_next_ou = itertools.count(1)
_create_ou = OrganizationsBackend.create_organizational_unit
_random_ou_id = organizations_utils.make_random_ou_id


def _create_numbered_ou(self, **kwargs):
    # Only CreateOrganizationalUnit's id is numbered (the root's record draws one too).
    with _numbering_lock:
        organizations_utils.make_random_ou_id = lambda root_id: f"ou-{root_id[2:]}-{next(_next_ou):08d}"
        try:
            return _create_ou(self, **kwargs)
        finally:
            organizations_utils.make_random_ou_id = _random_ou_id


OrganizationsBackend.create_organizational_unit = _create_numbered_ou

if __name__ == "__main__":
    sys.exit(main())
