// core/common/provenance.h — who and when, as every record of a run states them: the OS account
// running this process and the current time (UTC, ISO 8601 with milliseconds).
#pragma once

#include <string>

namespace qpilot {

// The OS account running this process ("unknown" when none can be found).
std::string osUserName();
// Now, UTC, ISO 8601 with milliseconds ("2026-11-24T10:00:00.123Z").
std::string utcNow();

} // namespace qpilot
