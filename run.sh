#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run.sh — set up, build and start Qpilot on an example.
#   1. installs the Debian 12 packages that are missing (installer/install-deps.sh),
#   2. configures and builds a Release build in build/release (Ninja, ccache),
#   3. with a display ($DISPLAY or $WAYLAND_DISPLAY): opens the workbench on the example pilot and
#      runs it (the dashboards, scorecard and report preview fill when it is done);
#      without one: runs the example pilot end to end and writes its PDF readiness report, then
#      walks through the command line on example circuits.
# Environment: QPILOT_PILOT=FILE picks the pilot (default: the breast-cancer kernel pilot);
#              QPILOT_EXAMPLE=FILE the circuit of the headless command-line tour (default: QFT on 4 qubits).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

BUILD_DIR=build/release
QPILOT="$BUILD_DIR/qpilot"
EXAMPLE="${QPILOT_EXAMPLE:-resources/examples/qft4.qasm}"

say() { printf '\n==> %s\n' "$*"; }

say "Checking Debian packages"
installer/install-deps.sh

say "Configuring a Release build in $BUILD_DIR"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DQPILOT_BUILD_TESTS=OFF >/dev/null

say "Building (this takes a few minutes the first time; ccache makes rebuilds fast)"
cmake --build "$BUILD_DIR" --parallel "$(nproc)"

# --- The headless example -----------------------------------------------------------------
# THE one place that decides what a run without a display shows: the example pilot end to end
# (stored run, reproduce check, MLflow export and its PDF readiness report), then a short tour of
# the command line on example circuits.
PILOT="${QPILOT_PILOT:-resources/examples/breast_cancer_kernel.qpilot}"
run_headless_example() {
    local out="$BUILD_DIR/example-output"
    mkdir -p "$out"
    local name
    name=$(basename "$PILOT" .qpilot)
    say "No display found, so running the example pilot headless: $PILOT (qpilot run)"
    echo "data, tuned classical baselines, the quantum model, per device transpile + noise + mitigation"
    echo "+ cost + latency, reproducibility, the readiness scorecard and the PDF report:"
    "$QPILOT" run "$PILOT" --report "$out/$name.pdf" --db "$out/runs.sqlite"
    local id
    id=$("$QPILOT" runs list --db "$out/runs.sqlite" --json | sed -n 's/.*"id": *\([0-9][0-9]*\).*/\1/p' | sort -n | tail -n 1)
    say "Re-executing run $id from its stored record alone and comparing every result (qpilot runs reproduce):"
    "$QPILOT" runs reproduce "$id" --db "$out/runs.sqlite" --quiet
    say "Exporting run $id as an MLflow mlruns/ directory (qpilot runs export-mlflow):"
    "$QPILOT" runs export-mlflow "$id" "$out/mlruns" --db "$out/runs.sqlite"

    say "A tour of the command line on example circuits"
    echo "Circuit metrics (qpilot info $EXAMPLE):"
    "$QPILOT" info "$EXAMPLE"
    local base
    base=$(basename "$EXAMPLE" .qasm)
    local ghz=resources/examples/ghz.qasm
    say "Simulating $ghz ideal, then with IBM Heron r1 (ibm_torino) noise (qpilot simulate):"
    echo "ideal shots read only 0000 and 1111; the device's noise shows as every other outcome"
    "$QPILOT" simulate "$ghz" --shots 4000 --seed 1
    "$QPILOT" simulate "$ghz" --shots 4000 --seed 1 --noise ibm_torino
    say "Compiling $EXAMPLE for IBM Heron r1 (heavy-hex) and IonQ Aria (all-to-all) (qpilot transpile):"
    "$QPILOT" transpile "$EXAMPLE" --device ibm_torino --seed 1 -o "$out/$base.ibm_torino.qasm"
    "$QPILOT" transpile "$EXAMPLE" --device ionq_aria_1 --seed 1 -o "$out/$base.ionq_aria_1.qasm"
    say "What 1,000 inferences of $ghz at 1,000 shots cost on IBM Heron r2 with ZNE (qpilot estimate):"
    "$QPILOT" estimate "$ghz" --device ibm_kingston --shots 1000 --mitigation zne
    say "Error mitigation on the simulator with ibm_torino's noise: <ZZZZ> of $ghz (qpilot mitigate):"
    "$QPILOT" mitigate "$ghz" --device ibm_torino --observable ZZZZ --technique rem,zne,pec --shots 10000 --seed 1
    say "Which data encoding suits Breast Cancer Wisconsin (30 features) on ibm_fez (qpilot encode --advise):"
    "$QPILOT" encode --advise --dataset breast_cancer --device ibm_fez
    say "Tuned classical baselines next to a quantum kernel and a VQC on Iris (qpilot train):"
    "$QPILOT" train --dataset iris --classes versicolor,virginica --model all --seed 1
    say "Converting $EXAMPLE to every format (qpilot convert) into $out/"
    local to ext
    for to in qasm2 qasm3 braket ionq; do
        case "$to" in
            ionq) ext=json ;;
            *) ext=qasm ;;
        esac
        if "$QPILOT" convert "$EXAMPLE" --to "$to" -o "$out/$base.$to.$ext"; then
            echo "  $to -> $out/$base.$to.$ext"
        else
            echo "  $to: not expressible for this circuit (see the message above)"
        fi
    done
    say "Files written:"
    ls -l "$out"
    echo
    echo "The example pilot's readiness report: $out/$name.pdf"
    echo "Open the workbench on a desktop with: $QPILOT $PILOT --run --page dashboards"
}
# -------------------------------------------------------------------------------------------

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    say "Starting the Qpilot workbench on $PILOT and running it (Pilot > Present, F5, for demo mode)"
    exec "$QPILOT" "$PILOT" --run --page dashboards
else
    run_headless_example
fi
