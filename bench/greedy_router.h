// bench/greedy_router.h — the baseline router for bench_transpile: trivial layout, and for each
// two-qubit gate in program order, swaps along a shortest path (moving the first operand
// towards the second) until the pair is coupled. Counts swaps only (each costs 3 native 2q gates).
#pragma once

#include "core/circuit/ir.h"
#include "core/transpile/transpile.h"

namespace qpilot::bench {

// Number of swaps the greedy router inserts for the 2q gates of `circuit` (logical qubits
// placed trivially on the map).
int greedyRouteSwaps(const Circuit& circuit, const CouplingMap& map);

} // namespace qpilot::bench
