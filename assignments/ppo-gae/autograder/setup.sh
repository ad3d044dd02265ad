#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu 22.04), with the
# autograder zip unpacked in $AUTOGRADER_ROOT/source (AUTOGRADER_ROOT defaults to /autograder): installs
# the .NET 10 SDK if it is missing, builds the judge, fills the NuGet cache the judge's build of a
# submission needs, and hides the judge's sources (reference solution, hidden tests) from the
# unprivileged worker.
set -euo pipefail

AUTOGRADER_ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$AUTOGRADER_ROOT/source"
CLI="$SOURCE/artifacts/bin/Cli/release/Cli.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The .NET 10 SDK, world-readable: the worker runs the student's build as an unprivileged uid.
# (grep without -q reads all of dotnet's output, so pipefail never sees a SIGPIPE.)
if ! { command -v dotnet >/dev/null && dotnet --list-sdks | grep '^10\.' >/dev/null; }; then
    apt-get update
    apt-get install -y --no-install-recommends curl ca-certificates libicu70
    curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
    bash /tmp/dotnet-install.sh --channel 10.0 --install-dir /usr/share/dotnet
    ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet
    chmod -R a+rX /usr/share/dotnet
fi

# bubblewrap, setpriv and prlimit: the judge compiles and runs the student's code in a bubblewrap
# sandbox as another uid, and refuses to grade without one.
if ! command -v bwrap >/dev/null || ! command -v setpriv >/dev/null || ! command -v prlimit >/dev/null; then
    apt-get update
    apt-get install -y --no-install-recommends util-linux bubblewrap
fi

# The judge. Rl.Notebooks (referenced by the CLI) runs `npm ci` when its folder lacks MathJax and
# plotly.js; the judge never exports a notebook, so point that check at two empty placeholders
# instead of needing Node.js here.
placeholders="$AUTOGRADER_ROOT/build/notebook-scripts"
mkdir -p "$placeholders/node_modules/mathjax/es5" "$placeholders/node_modules/plotly.js-dist-min"
touch "$placeholders/node_modules/mathjax/es5/tex-svg-full.js" "$placeholders/node_modules/plotly.js-dist-min/plotly.min.js"
dotnet build "$SOURCE/src/Cli" -c Release -p:NotebookScriptsFolder="$placeholders/"

# Build the tree a submission is built in once, so its NuGet packages are in the cache.
template="$AUTOGRADER_ROOT/build/sandbox-template"
rm -rf "$template"
dotnet "$CLI" assignment sources --out "$template"
dotnet build "$template/src/Grading.Worker" -c Release
rm -rf "$template"

# Only root may read the judge: its sources hold the reference solution and the hidden tests.
chmod -R go-rwx "$SOURCE"
