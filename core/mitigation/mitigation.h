// core/mitigation/mitigation.h — entry header of the error-mitigation module. Today it holds
// the overhead accounting (overhead.h): what a mitigation plan costs in circuits, shots,
// calibration, depth and executions, with the formulas of
// shared/reference/devices-prices-mitigation.md §1 and §7. The execution of the techniques on
// the simulator reuses these plan values and formulas.
#pragma once

#include "core/mitigation/overhead.h"
