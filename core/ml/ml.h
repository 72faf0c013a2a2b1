// core/ml/ml.h — entry header of core/ml: samples, datasets (CSV, shipped, generated),
// preprocessing and splits, metrics, and the tuned classical baselines.
#pragma once

#include "core/ml/baseline.h"
#include "core/ml/dataset.h"
#include "core/ml/generators.h"
#include "core/ml/metrics.h"
#include "core/ml/preprocess.h"
#include "core/ml/samples.h"
