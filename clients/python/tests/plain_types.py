"""The hand-written layer's plain types: tags() builds Tags from a dict (the generated Tags() takes
none), plain() makes an absent member None (the generated models say UNSET), both typed for
mypy --strict. Run by test/contract/generated-clients.test.ts; exits non-zero on the first failure."""

from ec2_keypairs import plain, tags
from keypairs_client.models import CreateKeyPairBody, KeyPairList, Tags

built = tags({"team": "ci", "env": "prod"})
assert isinstance(built, Tags) and built["team"] == "ci", built
body = CreateKeyPairBody(name="ci-bot", tags=tags({"team": "ci"}))
assert body.to_dict()["tags"] == {"team": "ci"}, body.to_dict()

last: str | None = plain(KeyPairList.from_dict({"items": []}).next_cursor)
assert last is None, last
more: str | None = plain(KeyPairList.from_dict({"items": [], "nextCursor": "deploy-bot"}).next_cursor)
assert more == "deploy-bot", more
print("tags from a dict, absent members as None")
