// core/ml/dataset_source.h — resolving a dataset specification into a dataset: a CSV file
// (relative paths against a base directory), a generator spec NAME:key=value,... (seeded), or a
// shipped dataset by name ("iris" or "builtin:iris"). Shared by `qpilot train`, `qpilot encode
// --advise` and the pilot pipeline (core/pilot).
#pragma once

#include "core/common/result.h"
#include "core/ml/dataset.h"

#include <cstdint>
#include <optional>
#include <string>

namespace qpilot::ml {

struct DatasetSource {
    Dataset dataset;
    std::optional<CsvReport> csv;
    std::string kind;     // "builtin", "csv", "generated"
    std::string resolved; // csv: the path read; otherwise the spec
};

// In this order: "builtin:NAME" (a shipped dataset), "csv:PATH" or an existing file or a name
// ending in .csv (a CSV file; a relative path resolves against `baseDirectory` when it is not
// empty), a generator (seeded by `seed`), a shipped dataset by plain name.
Result<DatasetSource> loadDataset(const std::string& spec, const CsvOptions& csv, std::uint64_t seed,
                                  const std::string& baseDirectory = {});

// True when `spec` names a generator ("moons", "moons:rows=200", ...).
bool isGeneratorSpec(const std::string& spec);

} // namespace qpilot::ml
