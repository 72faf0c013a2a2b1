// core/mitigation/mitigation.h — entry header of the error-mitigation module: the overhead
// accounting (overhead.h, formulas of shared/reference/devices-prices-mitigation.md §1 and §7)
// and the techniques run on the noisy simulator: shared execution and effect (execute.h),
// readout error mitigation (readout.h), zero-noise extrapolation (zne.h), probabilistic error
// cancellation (pec.h), Pauli twirling and dynamical decoupling (suppression.h), and the
// per-technique effect/overhead report for a device (report.h).
// docs/mitigation.md describes them.
#pragma once

#include "core/mitigation/execute.h"
#include "core/mitigation/overhead.h"
#include "core/mitigation/pec.h"
#include "core/mitigation/readout.h"
#include "core/mitigation/report.h"
#include "core/mitigation/suppression.h"
#include "core/mitigation/zne.h"
