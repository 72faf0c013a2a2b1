// core/ml/ml.h — entry header of core/ml: samples, datasets (CSV, shipped, generated, and
// resolving a dataset spec), preprocessing and splits, metrics, the tuned classical baselines,
// and the quantum models (fidelity-kernel SVM and variational classifier).
#pragma once

#include "core/ml/baseline.h"
#include "core/ml/dataset.h"
#include "core/ml/dataset_source.h"
#include "core/ml/generators.h"
#include "core/ml/metrics.h"
#include "core/ml/preprocess.h"
#include "core/ml/quantum_kernel.h"
#include "core/ml/samples.h"
#include "core/ml/quantum_models.h"
#include "core/ml/vqc.h"
