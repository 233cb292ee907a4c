#!/usr/bin/env bash
# The code's style (.editorconfig) holds everywhere: whitespace, import order and the style rules it names.
#   scripts/check-format.sh          fails, listing each place, when `dotnet format` would change anything
#   scripts/check-format.sh --fix    formats the code in place (run it before committing)
# EF Core's generated migrations and compiled model are marked generated in .editorconfig and left as generated.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "${1:-}" = "--fix" ]; then
  exec dotnet format TrainingApi.sln
fi
exec dotnet format TrainingApi.sln --verify-no-changes
