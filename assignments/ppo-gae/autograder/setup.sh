#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image, with the autograder zip
# unpacked in $AUTOGRADER_ROOT/source (AUTOGRADER_ROOT defaults to /autograder): installs the pinned
# .NET SDK if it is missing, builds the judge, and hides the judge's sources (reference solution,
# hidden tests) from the unprivileged worker. Nothing else is prepared: the judge compiles a
# submission with the SDK's csc against its own build's assemblies, with no restore.
# Works on Gradescope's Ubuntu 22.04 and 24.04 base images (and any Ubuntu or Debian the SDK supports):
# the one package whose name differs by release, ICU (libicu70 on 22.04, libicu74 on 24.04, libicu72 on
# Debian 12), is chosen from what apt offers.
set -euo pipefail

AUTOGRADER_ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$AUTOGRADER_ROOT/source"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The .NET SDK, pinned (the version the kit is built and tested with; DOTNET_SDK_VERSION overrides it),
# world-readable: the worker runs the student's build as an unprivileged uid.
# (grep without -q reads all of dotnet's output, so pipefail never sees a SIGPIPE.)
SDK_VERSION="${DOTNET_SDK_VERSION:-10.0.401}"
if ! { command -v dotnet >/dev/null && dotnet --list-sdks | grep "^${SDK_VERSION//./\\.} " >/dev/null; }; then
    apt-get update
    icu=$(apt-cache search --names-only '^libicu[0-9]+$' | cut -d' ' -f1 | sort -V | tail -n 1)
    if [ -z "$icu" ]; then
        echo "setup.sh: apt offers no libicuNN package; the .NET SDK needs ICU." >&2
        exit 1
    fi
    echo "setup.sh: installing .NET SDK $SDK_VERSION with $icu"
    apt-get install -y --no-install-recommends curl ca-certificates "$icu"
    curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
    bash /tmp/dotnet-install.sh --version "$SDK_VERSION" --install-dir /usr/share/dotnet
    ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet
    chmod -R a+rX /usr/share/dotnet
fi

# bubblewrap, setpriv and prlimit: the judge compiles and runs the student's code in a bubblewrap
# sandbox as another uid, and refuses to grade without one.
if ! command -v bwrap >/dev/null || ! command -v setpriv >/dev/null || ! command -v prlimit >/dev/null; then
    apt-get update
    apt-get install -y --no-install-recommends util-linux bubblewrap
fi

# The judge (the build needs the .NET SDK alone; no Node.js).
dotnet build "$SOURCE/src/Cli" -c Release

# Only root may read the judge: its sources hold the reference solution and the hidden tests.
chmod -R go-rwx "$SOURCE"
