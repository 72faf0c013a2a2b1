// core/circuit/circuit.h — entry header of the circuit module: the value-type IR, the gate
// table, OpenQASM 2/3 and provider dialects, metrics and transforms.
#pragma once

#include "core/circuit/dialects.h"
#include "core/circuit/expr.h"
#include "core/circuit/gates.h"
#include "core/circuit/ir.h"
#include "core/circuit/metrics.h"
#include "core/circuit/qasm.h"
#include "core/circuit/transform.h"
