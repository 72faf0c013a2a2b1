// core/ml/builtin_datasets.h — the table of shipped datasets (resources/datasets/*.csv), filled
// by the source that core/embed_files.cmake generates. Internal to core/ml: use
// builtinDatasets() / loadBuiltinDataset() from core/ml/dataset.h.
#pragma once

namespace qpilot::ml::detail {

struct EmbeddedDataset {
    const char* name; // file name without ".csv"
    const char* csv;  // the file's text
};

// Terminated by {nullptr, nullptr}.
const EmbeddedDataset* embeddedDatasets();

} // namespace qpilot::ml::detail
