#!/usr/bin/env bash
# Packs qdc as a .NET tool, installs the package into a throw-away tool path (from the local
# package only, no network), and runs the installed command: --version, a compile, and a
# `qdc diff` of that compile against the committed golden output (the CI recipe).
# Usage: scripts/pack-and-smoke.sh            (QDC_VERSION=1.2.3 overrides the version)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/qdc-pack.XXXXXX")"
trap 'rm -rf "$work"' EXIT

pack_args=(-c Release -o "$work/nupkg" --nologo)
if [[ -n "${QDC_VERSION:-}" ]]; then
  pack_args+=("-p:Version=$QDC_VERSION")
fi
dotnet pack "$root/src/Qdc.Cli/Qdc.Cli.csproj" "${pack_args[@]}"

package="$(cd "$work/nupkg" && ls Qdc.Tool.*.nupkg)"
version="${package#Qdc.Tool.}"
version="${version%.nupkg}"

# Only the freshly packed folder as a source, so the install proves the package is complete.
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/nupkg" />
  </packageSources>
</configuration>
XML
dotnet tool install Qdc.Tool --version "$version" --tool-path "$work/tool" --configfile "$work/nuget.config"

qdc="$work/tool/qdc"
reported="$("$qdc" --version)"
if [[ "$reported" != "$version" ]]; then
  echo "pack-and-smoke: qdc --version says '$reported', the package is $version" >&2
  exit 1
fi
"$qdc" compile "$root/examples/qft16.qasm" --topology "$root/examples/dc4.json" -o "$work/out"
"$qdc" diff "$root/examples/out/qft16.dc4" "$work/out"
echo "pack-and-smoke: Qdc.Tool $version packs, installs and runs"
