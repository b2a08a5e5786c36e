#!/usr/bin/env bash
# The release build, the one the benchmarks measure and a delegate's laptop runs:
#
#   Scripts/release.sh [swift build options...]     e.g. Scripts/release.sh --product intersession
#
# It is `swift build -c release` with one more compiler flag for every package's Swift code,
# GRDB's, swift-crypto's and ArgumentParser's as well as ours (Package.swift can set it only for
# our own targets): generic types' metadata is made by their accessors, not looked up by mangled
# name. On Linux each first lookup by name checks the type's conformances by scanning every
# conformance record of the binary (8,350 of them, most of them Foundation's); with the flag a
# sync with nothing new runs about a fifth fewer instructions (issue 14, the Architecture article).
# With no --product it builds every product (the command line and the benchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors "$@"
