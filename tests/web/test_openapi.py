"""Property test of the JSON API from its own OpenAPI schema (schemathesis): no input gives a 5xx.

schemathesis' pytest plugin does not load under this pytest version, so each
operation's hypothesis strategy is driven directly with ``@given``.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from storyline.web.app import create_app  # noqa: E402

from .fixtures import Corpus  # noqa: E402

EXAMPLES_PER_OPERATION = 20


def test_openapi_no_server_errors(corpus: Corpus) -> None:
    app = create_app(corpus.store)
    token = corpus.store.create_token("schemathesis")
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    strategy = st.one_of(*(op.as_strategy() for op in operations))
    seen: set[str] = set()

    @given(case=strategy)
    @settings(max_examples=EXAMPLES_PER_OPERATION * len(operations), deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck), database=None)
    def check(case) -> None:
        seen.add(case.operation.label)
        response = case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"error", "status"} and body["status"] == response.status_code

    check()
    assert len(seen) >= len(operations) // 2
