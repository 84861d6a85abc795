#!/usr/bin/env bash
# Lints docker-compose.yml and the Dockerfile (there is no Docker engine, nor `docker compose`, on CI):
#  - dclint (npm, pinned in package.json): the Compose specification's JSON schema and best-practice rules,
#    configured in dclint.yaml; any error or warning fails;
#  - dockerlinter (npm, pinned): hadolint-like Dockerfile rules, and ShellCheck (Debian's `shellcheck`)
#    on the RUN lines; any finding fails. Ignored rules are justified inline (`# linter ignore=...`,
#    `# dclint disable-line ...`) next to the line they concern.
# Run from anywhere after `npm ci --ignore-scripts` in this folder (the package's own install script
# would download ShellCheck from GitHub, which CI cannot reach).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
command -v shellcheck >/dev/null || { echo "shellcheck is missing (apt-get install shellcheck)" >&2; exit 1; }
"$here/node_modules/.bin/dclint" -c "$here/dclint.yaml" --max-warnings 0 "$root/docker-compose.yml"
node "$here/node_modules/dockerlinter/bin/dockerfilelinter.js" -f "$root/Dockerfile" -e info
echo "docker-compose.yml and Dockerfile: lint clean"
