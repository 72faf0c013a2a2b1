// core/device/builtin_profiles.h — internal: the device profile JSON files shipped in
// resources/devices/, embedded at build time (generated source, see core/embed_files.cmake).
#pragma once

namespace qpilot::detail {

struct EmbeddedProfile {
    const char* fileName; // "ibm_torino.json"; nullptr ends the list
    const char* json;
};

// Null-terminated list, sorted by file name.
const EmbeddedProfile* embeddedDeviceProfiles();

} // namespace qpilot::detail
