// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/dataset_source.h — resolving a --dataset argument (a CSV file, a generator spec
// NAME:key=value,... or a shipped dataset) into a dataset, shared by `qpilot train` and
// `qpilot encode --advise`.
#pragma once

#include "core/common/result.h"
#include "core/ml/dataset.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>

namespace qpilot::cli {

struct DatasetSource {
    ml::Dataset dataset;
    std::optional<ml::CsvReport> csv;
    std::string kind; // "builtin", "csv", "generated"
};

// In this order: an existing file or a name ending in .csv, a generator (seeded by `seed`),
// a shipped dataset.
Result<DatasetSource> loadDataset(const QString& spec, const ml::CsvOptions& csv, std::uint64_t seed);

} // namespace qpilot::cli
