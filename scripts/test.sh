#!/usr/bin/env bash
# Install everything the tests need (system packages where we are root, the package
# with its test extras in .venv), run the linter (ruff) and the type checker (mypy), both
# configured in pyproject.toml, and the whole test suite. Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)  # the HTML validator (vnu) runs on Java
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing ${missing[*]} from Debian packages" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"

set +e
.venv/bin/python -m ruff check src tests bench scripts
lint_rc=$?
.venv/bin/python -m mypy
types_rc=$?
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests" >&2
  rc=0
fi
[ "$lint_rc" -eq 0 ] || { echo "ruff found problems (see above)" >&2; rc=1; }
[ "$types_rc" -eq 0 ] || { echo "mypy found problems (see above)" >&2; rc=1; }
exit "$rc"
