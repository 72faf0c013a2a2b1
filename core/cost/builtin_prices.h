// core/cost/builtin_prices.h — internal: the price tables shipped in resources/prices/,
// embedded at build time (generated source, see core/embed_files.cmake).
#pragma once

namespace qpilot::detail {

struct EmbeddedPriceFile {
    const char* fileName; // "ibm.json"; nullptr ends the list
    const char* json;
};

// Null-terminated list, sorted by file name.
const EmbeddedPriceFile* embeddedPriceFiles();

} // namespace qpilot::detail
