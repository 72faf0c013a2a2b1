// core/pilot/builtin_pilots.h — the table of shipped example pilots (resources/examples/*.qpilot),
// filled by the source that core/embed_files.cmake generates. Internal to core/pilot: use
// examplePilots() from core/pilot/pilot.h.
#pragma once

namespace qpilot::pilot::detail {

struct EmbeddedPilot {
    const char* name; // file name without ".qpilot"
    const char* json; // the file's text
};

// Terminated by {nullptr, nullptr}.
const EmbeddedPilot* embeddedPilots();

} // namespace qpilot::pilot::detail
